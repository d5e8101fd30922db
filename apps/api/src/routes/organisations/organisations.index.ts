import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./organisations.handlers.ts";
import * as routes from "./organisations.routes.ts";

export const organisationsRouter = createRouter()
  .openapi(routes.listOrganisations, handlers.list)
  .openapi(routes.createOrganisation, handlers.create)
  .openapi(routes.listUsers, handlers.users)
  .openapi(routes.createUser, handlers.addUser)
  .openapi(routes.disableUser, handlers.disable);
