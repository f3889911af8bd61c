// The open-data API's response bodies as zod schemas: the single source of the OpenAPI document's component
// schemas (lib/domain/open-data/openapi.ts). The report itself is the stored document's own schema (report-schema.ts), so
// the API can never describe a report differently from what the application validates.
import { z } from "zod";
import { KEY_FIGURES } from "../key-figures";
import { ORG_KINDS } from "../orgs/tree";
import { reportSchema } from "../report-schema";

export const openDataRegistry = z.registry<{ id: string; description?: string }>();

const isoInstant = z.iso.datetime();
const kind = z
  .enum(ORG_KINDS)
  .describe(
    "机关类型：CITY 市、DISTRICT 区县、SUBDISTRICT 街道、TOWNSHIP 乡镇、DEPARTMENT 部门、DEV_ZONE 开发区",
  );
const slug = z.string().describe("机关标识（网址中使用，稳定不变）");

export const orgKindSchema = kind.register(openDataRegistry, { id: "OrgKind" });
export const apiReportSchema = reportSchema.register(openDataRegistry, {
  id: "Report",
  description: "结构化的年度报告（schemaVersion 为数据格式版本）",
});
export const tablesSchema = reportSchema.shape.tables.register(openDataRegistry, { id: "Tables" });

export const organizationListSchema = z
  .strictObject({
    organizations: z.array(
      z.strictObject({
        slug,
        name: z.string(),
        shortName: z.string(),
        kind: orgKindSchema,
        parentSlug: slug.nullable(),
        path: z.string(),
      }),
    ),
  })
  .register(openDataRegistry, { id: "OrganizationList" });

const editionSummary = { number: z.int().min(1), publishedAt: isoInstant, firstPublishedAt: isoInstant };

export const reportListSchema = z
  .strictObject({
    reports: z.array(
      z.strictObject({
        organization: z.strictObject({ slug, name: z.string(), kind: orgKindSchema }),
        year: z.int(),
        title: z.string(),
        edition: z.strictObject(editionSummary),
        path: z.string(),
        downloads: z.strictObject({ json: z.string(), csv: z.string(), docx: z.string() }),
      }),
    ),
  })
  .register(openDataRegistry, { id: "ReportList" });

export const reportDocumentSchema = z
  .strictObject({
    schemaVersion: z.int(),
    organization: z.strictObject({
      slug,
      name: z.string(),
      shortName: z.string(),
      kind: orgKindSchema,
      parentSlug: slug.nullable(),
    }),
    year: z.int(),
    title: z.string(),
    edition: z.strictObject({ ...editionSummary, changeNote: z.string().nullable() }),
    path: z.string(),
    report: apiReportSchema,
  })
  .register(openDataRegistry, { id: "ReportDocument" });

const body = { slug, name: z.string(), shortName: z.string(), kind: orgKindSchema };
const cellValue = z.union([z.int(), z.string(), z.null()]);

export const rollupSchema = z
  .strictObject({
    organization: z.strictObject(body),
    year: z.int(),
    kind: orgKindSchema.nullable().describe("只汇总该类型的下级机关；null 表示全部下级机关"),
    contributors: z.array(z.strictObject({ ...body, editionNumber: z.int(), publishedAt: isoInstant })),
    missing: z.array(
      z.strictObject({
        ...body,
        deadline: z.iso.date(),
        status: z.enum(["pending", "overdue"]).describe("pending 尚未到期；overdue 逾期未发布"),
      }),
    ),
    tables: tablesSchema,
    counts: z.record(z.string(), z.int()).describe("每个单元格（如 t3:newReceived:natural）参与汇总的报告数"),
    cell: z
      .strictObject({
        table: z.string(),
        row: z.string(),
        col: z.string(),
        rowLabel: z.string(),
        colLabel: z.string(),
        value: cellValue,
        reportCount: z.int(),
        contributions: z.array(
          z.strictObject({
            slug,
            name: z.string(),
            kind: orgKindSchema,
            value: z.union([z.int(), z.string()]),
          }),
        ),
      })
      .optional()
      .describe("请求了 cell 参数时：该单元格的逐机关明细"),
  })
  .register(openDataRegistry, { id: "Rollup" });

export const comparisonSchema = z
  .strictObject({
    organizations: z.array(z.strictObject({ slug, name: z.string(), kind: orgKindSchema })),
    unknown: z.array(z.string()).describe("不存在的机关标识"),
    years: z.array(z.int()),
    rows: z.array(
      z.strictObject({
        orgSlug: slug,
        orgName: z.string(),
        year: z.int(),
        figures: z
          .strictObject(
            Object.fromEntries(KEY_FIGURES.map((f) => [f.key, z.int().nullable().describe(f.label)])),
          )
          .nullable()
          .describe("null：该年度未发布报告"),
      }),
    ),
  })
  .register(openDataRegistry, { id: "Comparison" });

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      status: z.int(),
      code: z.enum(["NOT_FOUND", "INVALID_INPUT", "WITHDRAWN", "NO_CHILDREN"]),
      message: z.string(),
      issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .register(openDataRegistry, { id: "Error" });

export const apiIndexSchema = z
  .strictObject({ name: z.string(), version: z.string(), endpoints: z.record(z.string(), z.string()) })
  .register(openDataRegistry, { id: "ApiIndex" });

/** The component schemas as JSON Schema (2020-12, which OpenAPI 3.1 uses), referencing each other. */
export function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(openDataRegistry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: "output",
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _omit, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}
