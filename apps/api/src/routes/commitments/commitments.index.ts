import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./commitments.handlers.ts";
import * as routes from "./commitments.routes.ts";

export const commitmentsRouter = createRouter()
  .openapi(routes.listCommitments, handlers.list)
  .openapi(routes.getCommitment, handlers.get)
  .openapi(routes.commitmentWrites.create, handlers.create)
  .openapi(routes.commitmentWrites.update, handlers.update)
  .openapi(routes.commitmentWrites.retract, handlers.retract)
  .openapi(routes.commitmentWrites.history, handlers.history)
  .openapi(routes.commitmentStatus, handlers.status);
