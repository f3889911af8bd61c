// The seed report (prisma/seed-data/gangcheng-2024.txt) as a stored document, texts verbatim as published
// (half-width brackets and colons included): every rule must stay silent on it.
import type { OverviewItemKey } from "@/lib/domain/format";
import type { Report } from "@/lib/domain/report-schema";
import { filledReport } from "./report-builders";

const ITEM_TITLES: Record<OverviewItemKey, string> = {
  active: "(一)主动公开",
  onRequest: "(二)依申请公开",
  management: "(三)政府信息管理",
  platform: "(四)政府信息公开平台建设",
  supervision: "(五)监督保障",
};

/** 柳北区人民政府钢城街道办事处 2024: all tables zero, no preamble (the web copy starts at 一、总体情况). */
export function gangcheng2024Report(): Report {
  const report = filledReport({
    meta: { preamble: [], signatureDate: "2025-01-15", publishedDate: "2025-01-15" },
    text: {
      overview: [
        "柳北区钢城街道高度重视政府信息公开工作,一贯按照《中华人民共和国政府信息公开条例》要求,在柳州市、柳北区的统一部署下,不断完善工作机制,规范政府信息公开内容,创新政府信息公开形式,突出政府信息公开重点,提高政府信息公开水平。结合本街道实际,就街道2024年度政府信息公开工作报告如下:",
      ],
      active: [
        "2024年,钢城街道依照《中华人民共和国政府信息公开条例》相关要求,通过柳北区政府门户网站“镇街道信息公开”“柳北动态”栏目主动公开政府信息83条。内容涵盖工作动态、财政预决算等信息。及时、准确更新街道工作动态,推进重点工作、重点领域的政府信息公开情况。",
      ],
      onRequest: ["钢城街道2024年度未收到和办理政府信息公开的申请。"],
      management: [
        "我街道高度重视政府信息公开工作,由街道主要领导亲自抓,分管领导具体抓,落实专人负责的领导机制和工作体制,及时调整政府信息公开政务服务工作领导小组成员,成立政务服务管理中心办公室,指定一名政务服务中心政务工作人员专人负责政府信息公开工作。同时坚决贯彻政府信息发布公开“三审三校”制度,完善信息发布与管理机制。",
      ],
      platform: [
        "坚持以公开为原则,不公开为例外,充分利用“柳北区政府门户网站”、“钢城抖音号”等平台及钢城街道便民服务中心查阅栏、资料存放架、公示栏等线下线上结合进行政府信息公开公示,以便于群众查阅浏览信息动态公开内容。",
      ],
      supervision: [
        "钢城街道便民服务中心设置“政务好差评”二维码、“意见箱”等政务反馈渠道,发挥政务服务效能督查“倒逼”作用,促进政务服务人员改进工作作风,提高业务质量和服务水平。辖区7个社区均成立便民服务站,由社区书记负责总抓,各业务工作人员落实具体窗口工作。对辖区各社区业务工作人员开展培训讲解,并每年度开展由分管领导带队的巡查督促指导。",
      ],
      problems: [
        "一年来,我街道在提升政府信息公开规范化方面虽然取得了一定成效,但仍存在一些不足,如公开形式渠道栏目单一,公开内容欠丰富等问题。2025年我街道将从以下方面做进一步加强:",
        "(一)拓展公开渠道,丰富公开内容。坚持把政府信息公开工作作为一项长期性工作,充分利用好政府门户网站、抖音号、微信公众号等新媒体平台,加大主动公开工作力度,对于工作动态、重要活动、重要政策文件等及时、全面、主动公开相关信息。探索设置更多更接地气便于群众阅览的信息存放处、公开栏等。",
        "(二)加强业务培训,提升服务效能。政务服务中心的工作人员来自不同的部门、不同的岗位、年龄段,为保障工作的正常运行和高效快捷的为群众办事,针对窗口工作人员加强专业业务培训,进一步提升公开意识,提升业务水平,提高公开效率。",
      ],
      other: ["我街道暂无其他需要报告的事项。"],
    },
  });
  const items = report.sections.overview.items.map((item) => ({ ...item, title: ITEM_TITLES[item.key] }));
  return { ...report, sections: { ...report.sections, overview: { ...report.sections.overview, items } } };
}
