/**
 * Lets the browser save a file the server answers with `Content-Disposition: attachment`, as a click on a plain
 * `<a href download>` would: same-origin cookies authenticate it, and the page stays where it is.
 */
export function downloadFile(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
