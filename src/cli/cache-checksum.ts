import { nodeCrypto, nodeZlib } from './lazy-builtins';

/**
 * Checksums of the cache file's two sections, which tell a damaged or cut file from a whole one (see
 * `scan-cache-file.ts`). CRC-32 is made for that (zip, gzip and PNG files carry one), and Node has it in zlib
 * from 20.15 and 22.2: a rescan of an unchanged project then loads no `crypto` (its other hashes are gone too: the
 * package.json files are compared as text, the CLI's bundle is named by its build's hash). On the bench corpus that
 * rescan took 6.5% less time on Node 24 and 2.3% less on Node 20 (14 paired runs each). A
 * checksum names its kind and the length it was taken over (`crc32:1a2b3c4d:36000`); an older Node without
 * `zlib.crc32` writes SHA-1s (`sha1:...`), and a checksum this Node cannot take does not match.
 */
export interface Checksum {
  update(bytes: Buffer): void;
  digest(): string;
}

type Kind = 'crc32' | 'sha1';

function hasCrc32(): boolean {
  return typeof (nodeZlib() as { crc32?: unknown }).crc32 === 'function';
}

/** A checksum of `kind` (`crc32` only where this Node has it), its digest naming the kind. */
function checksumOf(kind: Kind): Checksum {
  if (kind === 'crc32') {
    const { crc32 } = nodeZlib();
    let crc = 0;
    let length = 0;
    return {
      update(bytes) {
        crc = crc32(bytes, crc);
        length += bytes.length;
      },
      digest: () => `crc32:${crc.toString(16)}:${length}`,
    };
  }
  const hash = nodeCrypto().createHash('sha1');
  return {
    update(bytes) {
      hash.update(bytes);
    },
    digest: () => `sha1:${hash.digest('base64')}`,
  };
}

export function newChecksum(): Checksum {
  return checksumOf(hasCrc32() ? 'crc32' : 'sha1');
}

/** Whether `bytes` have the checksum `sum` (one taken by `newChecksum`, of either kind). */
export function checksumMatches(bytes: Buffer, sum: string): boolean {
  const kind = sum.slice(0, sum.indexOf(':'));
  if (kind !== 'sha1' && (kind !== 'crc32' || !hasCrc32())) return false;
  const taken = checksumOf(kind);
  taken.update(bytes);
  return taken.digest() === sum;
}
