// SHA-256 through Web Crypto, available on Node 20 and in Workers alike.

export async function contentHash(text: string): Promise<string> {
  const normalised = text.toLowerCase().replace(/\s+/g, ' ').trim()
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised))
  return [...new Uint8Array(digest).subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
