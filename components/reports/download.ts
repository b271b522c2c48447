/** Hands a reply's body to the browser as a file download (from inside the element's shadow root). */
export async function saveDownload(root: ShadowRoot | HTMLElement, response: Response | { blob(): Promise<Blob>; headers: Headers }, fallbackName: string) {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  root.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
