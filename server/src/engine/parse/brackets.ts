const CLOSER: Record<string, string> = { '[': ']', '{': '}' };

/**
 * Offset of the innermost bracket (one of `opens`, `[` and/or `{`) opened before `pos` and not closed by then, or -1.
 * Syntax errors about a missing closer are reported there, where the author has to act. `skip(i)` says where a string
 * or comment starting at `i` ends (the offset of its last character), or -1 when none starts there.
 */
export function innermostUnclosed(text: string, pos: number, opens: string, skip: (i: number) => number): number {
  const closes = [...opens].map(o => CLOSER[o]).join('');
  const stack: number[] = [];
  for (let i = 0; i < pos && i < text.length; i++) {
    const end = skip(i);
    if (end >= 0) {
      i = end;
      continue;
    }
    if (opens.includes(text[i])) stack.push(i);
    else if (closes.includes(text[i])) stack.pop();
  }
  return stack.length ? stack[stack.length - 1] : -1;
}

/** Where a string or comment starting at `i` ends, for `innermostUnclosed`: the first of `stops` after `i`. */
export function endOf(text: string, i: number, stops: string, escape = false): number {
  for (let j = i + 1; j < text.length; j++) {
    if (escape && text[j] === '\\') {
      j++;
      continue;
    }
    if (stops.includes(text[j])) return j;
  }
  return text.length;
}
