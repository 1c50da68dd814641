// Text wrapped for a terminal, at word boundaries, so that a long Vietnamese sentence under a
// menu stays readable at any width (a terminal breaks lines mid-word).

/** Lines of at most `width` characters; a word longer than a line is cut. Existing line breaks stay. */
export function wrapWords(text: string, width: number): string {
  const max = Math.max(10, Math.floor(width));
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/ +/u).filter((w) => w !== '')) {
        let rest = word;
        while ([...rest].length > max) {
          if (line !== '') lines.push(line);
          line = '';
          lines.push([...rest].slice(0, max).join(''));
          rest = [...rest].slice(max).join('');
        }
        if (line === '') line = rest;
        else if ([...line].length + 1 + [...rest].length <= max) line += ` ${rest}`;
        else {
          lines.push(line);
          line = rest;
        }
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}
