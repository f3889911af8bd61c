// A schema-level check of an Atom document (RFC 4287) in code: strict XML well-formedness (one root, balanced
// and matching tags, quoted attributes, only the predefined and numeric entities, no stray "<" or "&"), then the
// feed's required elements, RFC 3339 dates, absolute links and unique entry ids. Returns the problems found.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

class XmlError extends Error {}

function decodeText(raw: string, at: number): string {
  if (raw.includes("<")) throw new XmlError(`位置${at}：文本中出现未转义的“<”`);
  for (let i = raw.indexOf("&"); i >= 0; i = raw.indexOf("&", i + 1)) {
    if (!ENTITY.test(raw.slice(i))) throw new XmlError(`位置${at + i}：无效的实体引用`);
  }
  return raw
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Parses a whole XML document strictly; throws on the first well-formedness error. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  const skipMisc = () => {
    for (;;) {
      const rest = source.slice(pos);
      const ws = /^\s+/.exec(rest);
      if (ws) pos += ws[0].length;
      else if (rest.startsWith("<?")) pos = until("?>");
      else if (rest.startsWith("<!--")) pos = until("-->");
      else return;
    }
  };
  const fail = (message: string): never => {
    throw new XmlError(`位置${pos}：${message}`);
  };
  const until = (marker: string): number => {
    const at = source.indexOf(marker, pos);
    return at < 0 ? fail(`缺少“${marker}”`) : at + marker.length;
  };
  const element = (): XmlElement => {
    if (source[pos] !== "<") fail("应为元素开始“<”");
    pos++;
    const name = NAME.exec(source.slice(pos))?.[0] ?? fail("元素名无效");
    pos += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const ws = /^\s*/.exec(source.slice(pos))![0];
      pos += ws.length;
      if (source.startsWith("/>", pos)) {
        pos += 2;
        return { name, attrs, children: [], text: "" };
      }
      if (source[pos] === ">") break;
      if (!ws) fail("属性之间缺少空白");
      const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(pos));
      if (!attr) fail(`元素<${name}>的属性无效或未加引号`);
      if (attr![1]! in attrs) fail(`属性${attr![1]}重复`);
      attrs[attr![1]!] = decodeText(attr![3] ?? attr![4] ?? "", pos);
      pos += attr![0].length;
    }
    pos++;
    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      const next = source.indexOf("<", pos);
      if (next < 0) fail(`元素<${name}>未结束`);
      text += decodeText(source.slice(pos, next), pos);
      pos = next;
      if (source.startsWith("</", pos)) {
        const close = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(pos));
        if (!close || close[1] !== name) fail(`结束标签与<${name}>不匹配`);
        pos += close![0].length;
        return { name, attrs, children, text };
      }
      if (source.startsWith("<!--", pos)) pos = until("-->");
      else children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (pos !== source.length) fail("根元素之后还有内容");
  return root;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
export const isRfc3339 = (text: string) => RFC3339.test(text) && !Number.isNaN(Date.parse(text));

const ATOM_NS = "http://www.w3.org/2005/Atom";
const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

function checkCommon(el: XmlElement, where: string, problems: string[]): void {
  for (const name of ["id", "title", "updated"]) {
    const found = childrenNamed(el, name);
    if (found.length !== 1) problems.push(`${where}须有且仅有一个<${name}>（现有${found.length}个）`);
  }
  const id = childrenNamed(el, "id")[0]?.text.trim() ?? "";
  if (id && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) problems.push(`${where}的<id>“${id}”不是 IRI`);
  for (const name of ["updated", "published"]) {
    for (const date of childrenNamed(el, name)) {
      if (!isRfc3339(date.text.trim())) problems.push(`${where}的<${name}>“${date.text}”不是 RFC 3339 时间`);
    }
  }
  for (const link of childrenNamed(el, "link")) {
    if (!/^https?:\/\//.test(link.attrs.href ?? "")) problems.push(`${where}的<link>缺少绝对地址 href`);
  }
}

/** Problems that make the document not a valid Atom feed; [] when it is one. */
export function checkAtomFeed(xml: string): string[] {
  let feed: XmlElement;
  try {
    feed = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlError) return [`不是格式良好的 XML：${err.message}`];
    throw err;
  }
  const problems: string[] = [];
  if (feed.name !== "feed" || feed.attrs.xmlns !== ATOM_NS) problems.push("根元素须为 Atom 命名空间的<feed>");
  checkCommon(feed, "<feed>", problems);
  const feedHasAuthor = childrenNamed(feed, "author").length > 0;
  const ids = new Set<string>();
  childrenNamed(feed, "entry").forEach((entry, i) => {
    const where = `第${i + 1}个<entry>`;
    checkCommon(entry, where, problems);
    if (!feedHasAuthor && childrenNamed(entry, "author").length === 0) problems.push(`${where}缺少<author>`);
    const hasAlternate = childrenNamed(entry, "link").some(
      (l) => (l.attrs.rel ?? "alternate") === "alternate",
    );
    if (!hasAlternate && childrenNamed(entry, "content").length === 0)
      problems.push(`${where}须有 rel="alternate" 的<link>或<content>`);
    const id = childrenNamed(entry, "id")[0]?.text.trim() ?? "";
    if (ids.has(id)) problems.push(`${where}的<id>与前面的条目重复`);
    ids.add(id);
  });
  return problems;
}
