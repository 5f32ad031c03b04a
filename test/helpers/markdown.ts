// What GitHub's Markdown (GFM) would act on in a text: everything outside code spans. Inside a
// code span nothing is a link, a mention, HTML or emphasis.

/** The text with every code span (a backtick run, then the same run again, none longer inside) taken out. */
export function outsideCodeSpans(text: string): string {
  return text.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
}

/** Markup GitHub would render, outside code spans: HTML, links, mentions, autolinks, issue references, emphasis, breaks. */
export const ACTIVE_MARKUP = /[<>[\]@*_~#!\\`\r\n\u202e]|:\/\/|www\./;
