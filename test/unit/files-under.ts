import fs = require('fs');
import path = require('path');

/** Every file under `dir`, all the way down, that `keep` keeps (tests that read the project's own files). */
export function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(file, keep);
    return keep(file) ? [file] : [];
  });
}
