// The OpenAPI 3.1 document of the open-data API, served at /api/v1/openapi.json and rendered for people on
// /open-data. Component schemas come from open-data-schemas.ts; contract tests validate real responses
// against this document, so it cannot drift from what the API returns.
import { KEY_FIGURES } from "../key-figures";
import { componentSchemas } from "./schemas";
import { ORG_KINDS } from "../orgs/tree";

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({
  description,
  content: { "application/json": { schema: ref(id) } },
});
const error = (description: string) => json("Error", description);

const param = (
  name: string,
  where: "path" | "query",
  description: string,
  schema: Json,
  example?: string,
) => ({
  name,
  in: where,
  required: where === "path",
  description,
  schema,
  ...(example ? { example } : {}),
});

const org = param(
  "org",
  "path",
  "机关标识，见 /api/v1/organizations",
  { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,79}$" },
  "gangcheng",
);
const year = (where: "path" | "query") =>
  param("year", where, "报告年度（四位数字）", { type: "string", pattern: "^\\d{4}$" }, "2024");
const kind = param("kind", "query", "机关类型", { type: "string", enum: [...ORG_KINDS] });

const CACHED = {
  "304": { description: "未修改：If-None-Match 与当前 ETag 相同" },
  "400": error("参数有误，issues 列出每个有误的参数"),
};

const PATHS: Json = {
  "/organizations": {
    get: {
      operationId: "listOrganizations",
      summary: "全部机关（含上下级关系）",
      responses: { "200": json("OrganizationList", "机关列表"), "304": CACHED["304"] },
    },
  },
  "/reports": {
    get: {
      operationId: "listReports",
      summary: "已发布的年度报告，可按机关、年度、机关类型筛选",
      parameters: [{ ...org, in: "query", required: false }, year("query"), kind],
      responses: { "200": json("ReportList", "报告列表，按发布时间倒序"), ...CACHED },
    },
  },
  "/reports/{org}/{year}": {
    get: {
      operationId: "getReport",
      summary: "一份已发布的年度报告（当前版本）：JSON、CSV 或 Word",
      parameters: [
        org,
        year("path"),
        param("format", "query", "json（默认）、csv（每个单元格一行，共200行）或 docx（Word，正式格式）", {
          type: "string",
          enum: ["json", "csv", "docx"],
          default: "json",
        }),
      ],
      responses: {
        "200": {
          description: "报告",
          content: {
            "application/json": { schema: ref("ReportDocument") },
            "text/csv": {
              schema: { type: "string" },
              description:
                "UTF-8（带 BOM）；列：organisation, organisation_slug, year, table, table_title, row_key, row_label, column_key, column_label, value",
            },
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
              schema: { type: "string", format: "binary" },
            },
          },
        },
        ...CACHED,
        "404": error("该机关该年度没有已发布的报告"),
        "410": error("该报告已撤销发布"),
      },
    },
  },
  "/rollup/{org}/{year}": {
    get: {
      operationId: "getRollup",
      summary: "汇总：下级各机关已发布报告的逐单元格合计，及未发布的机关",
      parameters: [
        org,
        year("path"),
        kind,
        param(
          "cell",
          "query",
          "单元格地址，返回该单元格的逐机关明细",
          { type: "string" },
          "t3:newReceived:natural",
        ),
      ],
      responses: { "200": json("Rollup", "汇总"), ...CACHED, "404": error("机关不存在或没有下级机关") },
    },
  },
  "/comparison": {
    get: {
      operationId: "getComparison",
      summary: "多个机关、多个年度的主要数据对比",
      parameters: [
        param("orgs", "query", "机关标识，逗号分隔（最多20个）", { type: "string" }, "gangcheng,jinxiu"),
        param("years", "query", "年度，逗号分隔（最多10个）", { type: "string" }, "2023,2024"),
        param("format", "query", "json（默认）或 csv", {
          type: "string",
          enum: ["json", "csv"],
          default: "json",
        }),
      ],
      responses: {
        "200": {
          description: `对比结果；figures 的键：${KEY_FIGURES.map((f) => `${f.key}（${f.label}）`).join("、")}`,
          content: {
            "application/json": { schema: ref("Comparison") },
            "text/csv": { schema: { type: "string" } },
          },
        },
        ...CACHED,
      },
    },
  },
  "/bulk/{year}": {
    get: {
      operationId: "getBulkDownload",
      summary: "批量下载：某年度全部已发布报告的 JSON 及全部单元格的 CSV（zip）",
      parameters: [year("path")],
      responses: {
        "200": {
          description: "zip 压缩包",
          content: { "application/zip": { schema: { type: "string", format: "binary" } } },
        },
        ...CACHED,
      },
    },
  },
};

export function openApiDocument(): Json {
  const schemas = Object.fromEntries(
    Object.entries(componentSchemas()).map(([id, s]) => {
      const { $id: _omit, ...rest } = s as Json;
      return [id, rest];
    }),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "年报开放数据接口",
      version: "1.0.0",
      description:
        "政府信息公开工作年度报告的开放数据：只读，只含已发布报告的当前版本。每个响应都带 ETag 与 Cache-Control，可用 If-None-Match 条件请求；错误以 JSON 返回。说明页面：/open-data",
    },
    servers: [{ url: "/api/v1" }],
    paths: PATHS,
    components: { schemas },
  };
}
