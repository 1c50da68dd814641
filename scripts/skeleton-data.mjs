// Runs after tsc in `npm run build`: asks docx (through dist/render/skeleton-docx.js) for the
// skeleton of every layout a plan can have and writes them to dist/render/skeleton-data.json, so
// that a run reads them instead of loading docx. A test checks the file against docx's own output.
import { writeFileSync } from 'node:fs';

const dist = new URL('../dist/render/', import.meta.url);
const { PREPARED_LAYOUTS, SKELETON_DATA_FILE, skeletonData } = await import(new URL('skeleton.js', dist).href);
const { buildSkeleton } = await import(new URL('skeleton-docx.js', dist).href);

const skeletons = new Map();
for (const layout of PREPARED_LAYOUTS) skeletons.set(layout.join('+'), await buildSkeleton(layout));
writeFileSync(SKELETON_DATA_FILE, `${JSON.stringify(skeletonData(skeletons))}\n`);
