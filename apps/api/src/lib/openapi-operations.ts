/** The operations of the app's OpenAPI document, for tests that must cover every route. */
export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: "query" | "path" }[];
  hasBody: boolean;
}

export async function operationsOf(app: { request(path: string): Response | Promise<Response> }) {
  const doc = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, object> };
  return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]): Operation => {
      const operation = op as { parameters?: Operation["parameters"]; requestBody?: unknown };
      return {
        method,
        path,
        parameters: operation.parameters ?? [],
        hasBody: Boolean(operation.requestBody),
      };
    }),
  );
}
