import { z } from 'zod';
import { locales } from './locale';

/**
 * What every download takes besides its own query: the language of the file. A link the browser follows sends the
 * browser's Accept-Language, not the language the console shows, so the console names it; API clients may rely
 * on Accept-Language instead.
 */
export const downloadQuerySchema = z.object({
  lang: z
    .enum(locales)
    .optional()
    .describe("Language of the file's headers, values and name; Accept-Language when omitted"),
});
