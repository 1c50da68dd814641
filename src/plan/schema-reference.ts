import { dirname, isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT, packagePath } from '../io/paths.js';

/** The schema shipped with the package, which every written plan names in its first comment. */
export const SCHEMA_FILE = packagePath('schemas', 'plan.schema.json');

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * What to write after `$schema=` in a plan at `target`. A relative path survives moving the project
 * and cloning it elsewhere, so it is used when the link stays inside one project: the plan lies in
 * the package itself (a checkout), or the package sits in a node_modules of the plan's folder or one
 * of its ancestors (installed as the project's dependency). Anything else (npx's cache, a global
 * install) is not part of the user's project; a file: URL to it is at least exact, and survives
 * moving the plan.
 */
export function schemaReference(
  target: string,
  schemaFile: string = SCHEMA_FILE,
  packageRoot: string = PACKAGE_ROOT,
): string {
  const rel = relative(dirname(target), schemaFile).split(sep).join('/');
  const segments = rel.split('/');
  const firstDown = segments.findIndex((s) => s !== '..');
  if (isInside(target, packageRoot) || segments[firstDown] === 'node_modules') return rel;
  return pathToFileURL(schemaFile).href;
}
