// The launcher's question for the first administrator on a terminal (non-demo embedded start, no admin yet).
import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/** Ask for a line; with `secret`, what is typed is not echoed. */
function ask(question: string, secret = false): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((answer) => {
    rl.question(question, (line) => {
      rl.close();
      if (secret) process.stdout.write("\n");
      answer(line);
    });
    muted = secret;
  });
}

export async function promptFirstAdmin(): Promise<{ username: string; password: string; orgName?: string }> {
  console.log("\n  尚无管理员账号。请创建首个系统管理员（First start: create the administrator）。");
  const username = (await ask("  管理员用户名 (username): ")).trim();
  const password = await ask("  密码（至少 10 个字符，输入时不显示）(password): ", true);
  const again = await ask("  再次输入密码 (again): ", true);
  if (password !== again) throw new Error("两次输入的密码不一致。");
  const orgName = (await ask("  根机构名称，如「某市人民政府」（可留空）(root organisation): ")).trim();
  return { username, password, orgName: orgName || undefined };
}
