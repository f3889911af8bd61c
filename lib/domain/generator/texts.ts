// The prose of a generated report (report-generator.ts): the sentences a body writes every year, varied by the
// random stream, quoting the tables' own figures in the forms the text rules read (TXT-TABLE2, TXT-APPLICATIONS,
// TXT-REVIEW-LITIGATION, TXT-PART-WHOLE), so that prose and tables never disagree.
import type { BodyKind } from "../orgs/body-kind";
import { OVERVIEW_ITEMS } from "../format";
import type { Report, Sections } from "../report-schema";
import { between, pick, type Rng } from "./seeded-random";

export interface TextFacts {
  /** How the body names itself in the prose. */
  who: string;
  kind: BodyKind;
  /** Items proactively published this year (all channels). */
  items: number;
  /** 一（二）依申请公开, from onRequestNarrative. */
  onRequest: string[];
  /** Section 六's 信息处理费 sentence, from feeNarrative. */
  fee: string;
}

const PLATFORMS: Record<BodyKind, string[]> = {
  街道: [
    "区政府门户网站“镇街道信息公开”栏目、街道微信公众号",
    "区政府门户网站、社区公开栏和街道便民服务中心",
  ],
  乡镇: ["县政府门户网站乡镇信息公开专栏、镇微信公众号", "政府门户网站和村务公开栏"],
  开发区: ["管委会门户网站、“园区发布”微信公众号"],
  区县部门: ["区政府门户网站部门信息公开专栏、部门微信公众号", "政府门户网站和政务新媒体"],
  市级部门: ["市政府门户网站部门专栏、政务微博和微信公众号"],
  区县政府: ["区政府门户网站、“柳北发布”政务新媒体和政务服务中心公开查阅点"],
  市政府: ["市政府门户网站、政府公报和“市政发布”政务新媒体矩阵"],
};

/** 一（一）: how much was published, broken down (其中 parts never exceed the whole), and table 二's figures. */
function activeParagraphs(rng: Rng, report: Report, facts: TextFacts): string[] {
  const { t2 } = report.tables;
  const year = report.meta.year;
  // Figures no table holds take the year's parity, so they never repeat last year's (which TXT-CARRIED-OVER would
  // rightly question in a real report).
  const ofYear = (n: number) => Math.max(year % 2, n - (n % 2) + (year % 2));
  const items = ofYear(facts.items);
  const news = ofYear(Math.floor(items * (0.35 + rng() * 0.2)));
  const notices = ofYear(Math.floor(items * (0.1 + rng() * 0.1)));
  const policies = ofYear(Math.floor(items * (0.03 + rng() * 0.05)));
  const first =
    `${year}年，${facts.who}通过${pick(rng, PLATFORMS[facts.kind])}主动公开政府信息${items}条，` +
    `其中工作动态${news}条，通知公告${notices}条，政策文件及解读${policies}条。`;
  const normative =
    `全年制发行政规范性文件${t2.normativeDocs.issued}件，废止行政规范性文件${t2.normativeDocs.repealed}件，` +
    `现行有效行政规范性文件${t2.normativeDocs.inForce}件。`;
  const decisions = `作出行政许可决定${t2.licensing.decisions}件，行政处罚决定${t2.punishment.decisions}件。`;
  return [first, `${normative}${decisions}`];
}

const MANAGEMENT = [
  "严格落实政府信息公开保密审查和“三审三校”制度，信息发布前经科室负责人审核、分管领导审签。",
  "建立政府信息公开属性源头认定机制，公文拟制时同步明确公开属性，做到应公开尽公开。",
  "定期清理门户网站栏目内容，对过期、失效信息及时更新或下线，确保公开信息准确有效。",
];
const PLATFORM = [
  "持续优化门户网站政府信息公开专栏，规范栏目设置，方便群众查找和下载。",
  "用好政务新媒体平台，及时转载发布政策解读和便民信息，提升信息传播效果。",
  "在便民服务大厅设置政府信息查阅点，配备查阅设备，为群众提供现场查阅服务。",
];
const SUPERVISION = [
  "将政府信息公开工作纳入年度绩效考核，开展政务公开业务培训",
  "畅通意见箱、咨询电话等监督渠道，及时回应群众关切，开展政务公开业务培训",
];
const PROBLEMS = [
  "政策解读形式较为单一，图解、视频等解读方式运用不多",
  "部分栏目信息更新不够及时，公开内容的全面性有待提高",
  "基层工作人员业务能力参差不齐，对公开属性的把握还不够准确",
  "依申请公开答复文书的规范性仍有提升空间",
];
const IMPROVEMENTS = [
  "丰富政策解读形式，推出更多图解和短视频解读",
  "建立栏目内容定期巡查机制，确保信息及时更新",
  "加强业务培训，提升工作人员依法公开的能力",
  "规范依申请公开办理流程和答复文书，提高办理质量",
];

function supervisionParagraph(rng: Rng, report: Report): string {
  const cases = report.tables.t4.cases;
  const review = cases["review.total"] ?? 0;
  const suits = (cases["direct.total"] ?? 0) + (cases["afterReview.total"] ?? 0);
  const cases_ =
    review === 0 && suits === 0
      ? "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。"
      : `本年度因政府信息公开引起行政复议${review}件，行政诉讼${suits}件。`;
  // The year's parity again (see the first paragraph): this year's training count never repeats last year's.
  const training = 2 * between(rng, 0, 2) + (report.meta.year % 2 === 0 ? 2 : 1);
  return `${pick(rng, SUPERVISION)}${training}次。${cases_}`;
}

function problemParagraphs(rng: Rng, report: Report, facts: TextFacts): string[] {
  const year = report.meta.year;
  const i = between(rng, 0, PROBLEMS.length - 1);
  const j = (i + 1 + between(rng, 0, PROBLEMS.length - 2)) % PROBLEMS.length;
  return [
    `${year}年，${facts.who}在政府信息公开工作中仍存在一些不足：一是${PROBLEMS[i]}；二是${PROBLEMS[j]}。`,
    `下一步，将从以下方面加以改进：（一）${IMPROVEMENTS[i]}。（二）${IMPROVEMENTS[j]}。上年报告中提出的问题已按计划整改。`,
  ];
}

export function generatedTexts(rng: Rng, report: Report, facts: TextFacts): Sections {
  const year = report.meta.year;
  const items: Record<(typeof OVERVIEW_ITEMS)[number]["key"], string[]> = {
    active: activeParagraphs(rng, report, facts),
    onRequest: facts.onRequest,
    management: [pick(rng, MANAGEMENT)],
    platform: [pick(rng, PLATFORM)],
    supervision: [supervisionParagraph(rng, report)],
  };
  return {
    overview: {
      paragraphs: [
        `${year}年，${facts.who}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，` +
          `推进政府信息公开工作。现将${year}年度政府信息公开工作情况报告如下：`,
      ],
      items: OVERVIEW_ITEMS.map((item) => ({
        key: item.key,
        title: item.title,
        paragraphs: items[item.key],
      })),
    },
    proactive: { paragraphs: [] },
    requests: { paragraphs: [] },
    appeals: { paragraphs: [] },
    problems: { paragraphs: problemParagraphs(rng, report, facts) },
    other: { paragraphs: [facts.fee, "无其他需要报告的事项。"] },
  };
}
