/**
 * Creates the first administrator, from the command line of a machine that can reach the database:
 *
 *   ADMIN_PASSWORD=… tsx scripts/create-admin.ts --email a@b.org --name "Ada Admin"
 *
 * Without ADMIN_PASSWORD the password is read from standard input (it is echoed: pipe it in, or use the
 * variable). There is no default password. The user joins the "maintainers" organisation, created if none exists.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import {
  AccountError,
  createDb,
  createOrganisation,
  createUser,
  firstOrganisationOfKind,
  passwordProblem,
} from "@commitments/db";
import { loadEnv } from "../src/env.ts";

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    process.stderr.write("Password (at least 12 characters): ");
    for await (const line of rl) return line;
    return "";
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  if (!values.email || !values.name) {
    throw new Error('usage: tsx scripts/create-admin.ts --email a@b.org --name "Full Name"');
  }
  const password = await readPassword();
  // Checked before touching the database, so a weak password changes nothing.
  const problem = passwordProblem(password);
  if (problem) throw new Error(`refused: ${problem}`);

  const env = loadEnv();
  const handle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  try {
    await handle.migrate();
    const { db } = handle;
    const organisation =
      (await firstOrganisationOfKind(db, "maintainers")) ??
      (await createOrganisation(db, { kind: "maintainers", name: "Maintainers" }));
    const user = await createUser(db, {
      organisationId: organisation.id,
      email: values.email,
      name: values.name,
      password,
      roles: ["administrator"],
    });
    console.log(
      `Created administrator ${user.email} (${values.name}), user ${user.id}, in ${organisation.name}.`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  // Account errors carry readable messages without secrets; anything else is shown as is.
  console.error(error instanceof AccountError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
