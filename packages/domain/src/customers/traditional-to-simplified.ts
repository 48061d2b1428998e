import { Converter } from 'opencc-js/t2cn';

// Built on first use, so importing this module costs nothing until some text is converted.
let convert: ((text: string) => string) | undefined;

// A few rare characters convert in two steps (麼 → 么 → 幺); converting until nothing changes makes the result
// stable, which duplicate keys rely on. No input needs more than three rounds.
const MAX_ROUNDS = 4;

/**
 * Traditional → simplified Chinese with OpenCC's Taiwan dictionaries (which also cover Hong Kong company names),
 * phrase-aware so that e.g. 乾隆 keeps its 乾 while 乾杯 becomes 干杯. Text that is not Chinese passes through.
 */
export function toSimplifiedChinese(text: string): string {
  convert ??= Converter({ from: 'tw', to: 'cn' });
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = convert(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
