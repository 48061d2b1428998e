/**
 * `Content-Disposition` with an ASCII fallback `filename` and the exact name as RFC 5987 `filename*`, so quotes,
 * backslashes, line breaks and Chinese names can neither break the header nor change its meaning. The fallback is
 * the name with what ASCII cannot say replaced, or `asciiName` when the caller has a readable one
 * (`customers-2026-12-07.xlsx` beside `客户-2026-12-07.xlsx`).
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string, asciiName?: string): string {
  const fallback = (asciiName ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
