/** `application/json` or any `application/*+json`, with or without parameters such as charset. */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  if (header === 'application/json' || header.startsWith('application/json;')) return true;
  const mediaType = header.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json') return true;
  return mediaType.startsWith('application/') && mediaType.endsWith('+json');
}
