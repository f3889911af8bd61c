// Shared by the API contract tests: requests for route handlers, the served OpenAPI document, and a check that
// a response is JSON with the cache headers and valid against one of the document's component schemas.
import { beforeAll, expect } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { validateAgainstComponent } from "../setup/json-schema";
import { setupTestDb } from "../setup/test-db";
import { buildPublicWorld } from "./public-world";

export const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { headers });
export const params = <T>(value: T) => ({ params: Promise.resolve(value) });

/** A test database with the published world, and the OpenAPI document as the API serves it. */
export function setupApiContract() {
  const t = setupTestDb();
  const contract = { document: {} as Record<string, unknown> };
  beforeAll(async () => {
    await buildPublicWorld(t.db);
    contract.document = await (await openapi(get("/api/v1/openapi.json"))).json();
  });
  const expectContract = async (response: Response, status: number, schemaId: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get("cache-control")).toBeTruthy();
    const body = await response.json();
    expect(validateAgainstComponent(contract.document, schemaId, body)).toEqual([]);
    return body;
  };
  return { contract, expectContract, t };
}
