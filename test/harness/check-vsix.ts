// `npm run package` ends here: lists what the .vsix really contains (its zip central directory) and
// fails when it ships sources, tests, source maps or node_modules, misses the icon, a lazily required
// bundle or an image the README shows (the details page would show it broken), or grows past its size budget.
import { readFileSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };

// About 1.1 MB of bundles, 220 KB of versioned schema and ~1.2 MB of README screenshots.
const maxBytes = 3 * 1024 * 1024;
const forbidden = [/^extension\/src\//, /^extension\/test\//, /^extension\/out\//, /^extension\/node_modules\//, /\.ts$/, /\.map$/, /^extension\/\.tools\//];

/** Entry names from a zip's central directory (APPNOTE 4.3.12, 4.3.16). */
export function zipEntries(zip: Buffer): string[] {
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let offset = zip.readUInt32LE(endOfDirectory + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${index}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const path = process.argv[2];
if (path === undefined) {
  console.error('usage: check-vsix.ts FILE.vsix');
  process.exit(2);
}
const zip = readFileSync(path);
const entries = zipEntries(zip);
const bad = entries.filter((entry) => forbidden.some((pattern) => pattern.test(entry)));
const readmeImages = [...readFileSync(new URL('../../README.md', import.meta.url), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
// The bundles bundle-loader.ts requires on first use, and the CLI's pair and the schema it reads: one left out fails only when a user reaches it.
const bundles = ['dist/extension.js', 'dist/commands.js', 'dist/kustomize-renders.js', 'dist/cluster.js', 'dist/core.js', 'dist/schema-data.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/kubernetes-schema.json'];
const missing = [packageJson.icon, ...readmeImages, ...bundles].filter((path) => !entries.includes(`extension/${path}`));
console.log(`${path}: ${(zip.length / 1024).toFixed(1)} KB, ${entries.length} files`);
for (const entry of entries) console.log(`  ${entry}`);
if (bad.length > 0) console.error(`check-vsix: must not ship ${bad.join(', ')}`);
if (missing.length > 0) console.error(`check-vsix: the icon, README images or lazily required bundles missing: ${missing.join(', ')}`);
if (zip.length > maxBytes) console.error(`check-vsix: ${zip.length} bytes is over the ${maxBytes}-byte budget`);
process.exitCode = bad.length > 0 || missing.length > 0 || zip.length > maxBytes ? 1 : 0;
