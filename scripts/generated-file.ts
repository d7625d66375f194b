import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a generated data file, or with `check` compares it and exits 1 when it differs: the calendar generators'
 * common last step. Returns whether it wrote (false: checked and equal).
 */
export function writeOrCheck(out: string, text: string, check: boolean, source: string): boolean {
  if (check) {
    if (readFileSync(out, 'utf8') !== text) {
      console.error(`${out} differs from what ${source} gives: run npm run calendar:generate`);
      process.exit(1);
    }
    console.log(`${out} matches ${source}`);
    return false;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text, 'utf8');
  return true;
}
