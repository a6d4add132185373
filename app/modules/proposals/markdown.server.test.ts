import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown.server'

/** The elements and attributes of the rendered HTML, read the way a browser would parse tags. */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*>/gi)].map((m) => m[0])
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown: headings below the page headings without gaps, emphasis, lists', () => {
    const html = renderMarkdown('# Our approach\n\nWe use **CRISPR**.\n\n- one\n- two')
    expect(html).toContain('<h3>Our approach</h3>')
    expect(renderMarkdown('## Problem\n\n### Detail\n\n## Answer')).toBe('<h3>Problem</h3>\n<h4>Detail</h4>\n<h3>Answer</h3>\n')
    expect(html).toContain('<strong>CRISPR</strong>')
    expect(html).toContain('<li>one</li>')
  })

  it('shows a <script> tag as text, never as an element', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script>')
    expect(tags(html).some((tag) => /^<script/i.test(tag))).toBe(false)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('shows raw HTML blocks and inline HTML as text', () => {
    const html = renderMarkdown('<div class="x"><iframe src="https://evil.example"></iframe></div>\n\nText with <b>bold</b> and <img src=x onerror=alert(1)>')
    const elements = tags(html).map((tag) => tag.match(/^<(\w+)/)![1])
    expect(elements.filter((name) => !['p', 'a'].includes(name!))).toEqual([])
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('never produces an element with an event-handler attribute', () => {
    const html = renderMarkdown('[click](https://example.com" onclick="alert(1)) ![x](https://example.com/x.png" onerror="alert(1))')
    for (const tag of tags(html)) expect(tag).not.toMatch(/\son\w+=/i)
  })

  it('does not turn javascript:, data: or vbscript: targets into links', () => {
    for (const target of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox', 'java\tscript:alert(1)']) {
      const html = renderMarkdown(`[open](${target}) and <${target}>`)
      expect(html, target).not.toMatch(/<a\b/)
    }
  })

  it('makes http(s) and mailto links open safely in a new tab', () => {
    const html = renderMarkdown('[site](https://example.com/a?b=1) and mail <team@example.com> and http://example.org')
    const links = tags(html).filter((tag) => tag.startsWith('<a'))
    expect(links).toHaveLength(3)
    for (const link of links) {
      expect(link).toContain('rel="nofollow noopener noreferrer"')
      expect(link).toContain('target="_blank"')
    }
    expect(links[0]).toContain('href="https://example.com/a?b=1"')
    expect(links[1]).toContain('href="mailto:team@example.com"')
  })

  it('leaves relative links out and shows an image as a link to it, never loading it', () => {
    expect(renderMarkdown('[admin](/admin)')).not.toMatch(/<a\b/)
    const html = renderMarkdown('![pixel](https://tracker.example/p.gif)')
    expect(html).not.toMatch(/<img\b/)
    expect(html).toContain('href="https://tracker.example/p.gif"')
  })
})
