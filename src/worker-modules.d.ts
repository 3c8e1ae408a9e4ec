// Text modules bundled by wrangler's [[rules]] (see wrangler.toml).
declare module '*.opml' {
  const text: string
  export default text
}
