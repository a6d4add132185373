import MarkdownIt from 'markdown-it'

/** Only these link targets become links; anything else (javascript:, data:, relative paths) stays text. */
const allowedLink = /^(https?:\/\/|mailto:)/i

/**
 * Markdown as proposals are written (the full description): no raw HTML at all (it is shown
 * as text), no images (they would load third-party content on Ponte's pages), links only to
 * http(s) and mailto targets, opening in a new tab without handing over the opener or the
 * referrer and without passing reputation (rel="nofollow noopener noreferrer").
 */
function createRenderer() {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false })
  md.disable(['image'])
  md.validateLink = (url: string) => allowedLink.test(url.trim())

  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!
    token.attrSet('rel', 'nofollow noopener noreferrer')
    token.attrSet('target', '_blank')
    return self.renderToken(tokens, idx, options)
  }

  // The page has its own h1 (the title) and h2 (the section): the description's top heading
  // level becomes h3 and the others follow it, so the outline has no gaps.
  md.core.ruler.push('shift_headings', (state) => {
    const headings = state.tokens.filter((token) => token.type === 'heading_open' || token.type === 'heading_close')
    if (headings.length === 0) return
    const top = Math.min(...headings.map((token) => Number(token.tag.slice(1))))
    for (const token of headings) token.tag = `h${Math.min(Number(token.tag.slice(1)) - top + 3, 6)}`
  })
  return md
}

const renderer = createRenderer()

/** Renders a proposal's Markdown to an HTML string that is safe to insert into the page. */
export function renderMarkdown(source: string): string {
  return renderer.render(source)
}
