import { readSource } from './scan';

/** A source file's text, or why it could not be read (see `readSource`). */
export type SourceRead = ReturnType<typeof readSource>;

/**
 * How many files, and how many characters of them, are read ahead of their parse. Each file read is four system
 * calls (open, fstat, read, close). Made between two parses, they took two to three times as long as the same calls
 * made one after another: on the bench corpus, opening and reading took 55-80 ms per 1,000 files in the CLI (one
 * thread) against about 21 ms in a loop of reads alone, and 38-47 ms with the reads ahead; a thread at 16 times the
 * corpus spent about a tenth of its time in them. A larger file is read alone.
 */
const AHEAD_FILES = 32;
const AHEAD_CHARS = 64 * 1024;

/**
 * Reads `files` a few at a time (see `AHEAD_FILES`), for a caller that asks for them in their order: each `read`
 * of the file next in line reads it and the next ones with it, up to `AHEAD_FILES` files and about `AHEAD_CHARS`
 * characters, and gives back what it read. A file asked out of that order is read on its own.
 */
export class ReadAhead {
  private readonly ahead: SourceRead[] = [];
  /** The index in `files` of `ahead[0]`. */
  private start = 0;

  constructor(private readonly files: readonly string[]) {}

  read(file: string): SourceRead {
    if (this.ahead.length === 0 || this.files[this.start] !== file) {
      // (when asked in order, the file is at `start`: the search ends at once)
      const index = this.files.indexOf(file, this.start);
      if (index < 0) return readSource(file);
      this.fill(index);
    }
    this.start += 1;
    return this.ahead.shift() as SourceRead;
  }

  /** Reads the files from `index` on into `ahead`, dropping what it held. */
  private fill(index: number): void {
    this.ahead.length = 0;
    this.start = index;
    let chars = 0;
    while (index + this.ahead.length < this.files.length && this.ahead.length < AHEAD_FILES && chars < AHEAD_CHARS) {
      const read = readSource(this.files[index + this.ahead.length]);
      this.ahead.push(read);
      if ('text' in read) chars += read.text.length;
    }
  }
}
