// Runs in every test file: the temporary folders its tests made go when the file ends (one run
// used to leave about a hundred behind).
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/cli.js';

afterAll(removeTempDirs);
