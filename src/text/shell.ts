/**
 * A path or word as it must be typed in a POSIX shell to reach the program unchanged: left bare
 * when it holds only letters, digits and a few safe marks, else single-quoted.
 */
export function shellQuote(text: string): string {
  return /^[\p{L}\p{N}._/:@%+=,-]+$/u.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
