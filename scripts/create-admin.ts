/**
 * npm run create-admin -- --email ada@example.com --name "Ada Lovelace" --password '…' [--role staff]
 *
 * Creates an organizer (or, with --role staff, a check-in staff) account in the
 * database the app uses (DATABASE_URL, or the embedded PGlite folder). Missing
 * values are asked for when run in a terminal; the password is not echoed.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createUser } from "@/lib/auth/users";
import { env } from "@/lib/env";
import { openDatabaseForCli } from "@/lib/runtime/pglite-lock";

const USAGE =
  'Usage: npm run create-admin -- --email ada@example.com --name "Ada Lovelace" --password \'at least 8 characters\' [--role admin|staff]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function ask(question: string, { hidden = false } = {}): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    // Print the prompt, then swallow the echo of what is typed.
    const internal = rl as unknown as { _writeToOutput: (s: string) => void };
    let prompted = false;
    internal._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stdout.write(s);
        prompted = true;
      } else if (s.includes("\n") || s.includes("\r")) process.stdout.write("\n");
    };
  }
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    }),
  );
}

async function readInput() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((a) => a !== "--"),
      options: {
        email: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        role: { type: "string", default: "admin" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  let email = str("email");
  let name = str("name");
  let password = str("password");
  const role = str("role") ?? "admin";
  if (role !== "admin" && role !== "staff") fail(`--role must be "admin" or "staff".\n${USAGE}`);

  const missing = [!email && "--email", !name && "--name", !password && "--password"].filter(Boolean);
  if (missing.length && !process.stdin.isTTY) fail(`Missing ${missing.join(", ")}.\n${USAGE}`);
  email ??= (await ask("Email: ")).trim();
  name ??= (await ask("Name: ")).trim();
  if (!password) {
    password = await ask("Password (at least 8 characters): ", { hidden: true });
    const again = await ask("Repeat the password: ", { hidden: true });
    if (again !== password) fail("The passwords don't match. Nothing was created.");
  }
  return { email, name, password, role } as const;
}

async function main() {
  const input = await readInput();

  let handle;
  try {
    handle = await openDatabaseForCli();
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  try {
    const result = await createUser(handle.db, input);
    if (!result.ok) {
      const fields = Object.entries(result.error.fields ?? {}).map(([k, v]) => `  --${k}: ${v}`);
      console.error(result.error.status === 409 ? result.error.message : "Nothing was created:");
      if (result.error.status !== 409) for (const line of fields.length ? fields : [`  ${result.error.message}`]) console.error(line);
      process.exitCode = 1;
      return;
    }
    const { user } = result;
    console.log(`Created ${user.role} ${user.name} <${user.email}>. Sign in at ${env().APP_URL}/signin`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
