// dist/cli.js, the `kube-workbench` executable: turns on Node's module compile cache (V8's code for the
// CLI, kept in Node's folder under the temp directory, or NODE_COMPILE_CACHE's), then loads the CLI
// bundle, dist/cli-main.js. Compiling that bundle is a good part of a one-file lint's start.
import module from 'node:module';
import { join } from 'node:path';

// Node 22.1 and later; a cache that cannot be used is no error, only slower.
const cache = module.enableCompileCache?.();
// The lint pool's worker threads load the same bundle: they find the cache through the environment.
if (cache?.directory !== undefined) process.env.NODE_COMPILE_CACHE = cache.directory;
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(join(__dirname, 'cli-main.js'));
