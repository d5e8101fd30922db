import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "./context.ts";

export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
