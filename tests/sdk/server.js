// Starts a real `formwork serve` on 127.0.0.1:0 over a fresh data directory, with a known AK/SK,
// and stops it again. Used by the SDK tests (node --test); the binary comes from
// FORMWORK_BINARY (set by ctest) or ../../build/formwork.
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const AK = 'HPUAEXAMPLEAK0000001';
const SK = 'exampleSecretKey0123456789abcdefghijklmn';
const PASSWORD = 'Sdk-Test-Passw0rd';

function binaryPath() {
  return process.env.FORMWORK_BINARY || path.resolve(__dirname, '../../build/formwork');
}

// Resolves to { endpoint, projectId(region), domainId, stop() } once the server prints that it
// listens.
async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'formwork-sdk-'));
  const env = {
    ...process.env,
    FORMWORK_ACCESS_KEY: AK,
    FORMWORK_SECRET_KEY: SK,
    FORMWORK_PASSWORD: PASSWORD,
    FORMWORK_LOG_LEVEL: 'warn',
  };
  const child = spawn(binaryPath(), ['serve', '--listen', '127.0.0.1:0', '--data-dir', dataDir],
                      { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const endpoint = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[0-9.]+:[0-9]+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`formwork exited (${code}) before listening: ${stderr}`)));
  });
  const credentials = JSON.parse(execFileSync(binaryPath(),
      ['credentials', '--json', '--data-dir', dataDir], { env }).toString());
  const projects = Object.fromEntries(credentials.projects.map((p) => [p.name, p.id]));
  return {
    endpoint,
    ak: AK,
    sk: SK,
    password: PASSWORD,
    domainName: credentials.domain_name,
    domainId: credentials.domain_id,
    userName: credentials.user_name,
    projectId: (region) => projects[region],
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.on('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Polls `fn` every 20 ms until it returns a truthy value, at most `ms` milliseconds.
async function pollUntil(fn, ms = 20000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// An optional official SDK service package ('aos', 'cdm'): from FORMWORK_<SERVICE>_SDK (a path
// to its entry file), else from optional/<service> (where scripts/test.sh installs it when the
// npm registry has it), else from node_modules. Returns { sdk, core } with the core package
// that service package itself uses, or null when it is not installed.
function loadOptionalSdk(service) {
  const name = `@huaweicloud/huaweicloud-sdk-${service}`;
  const candidates = [process.env[`FORMWORK_${service.toUpperCase()}_SDK`],
                      path.join(__dirname, 'optional', service, 'node_modules', name), name];
  for (const candidate of candidates) {
    if (!candidate) continue;
    let entry;
    try {
      entry = require.resolve(candidate);
    } catch (e) {
      continue;
    }
    const sdk = require(entry);
    const core = require(require.resolve('@huaweicloud/huaweicloud-sdk-core', { paths: [path.dirname(entry)] }));
    return { sdk, core };
  }
  return null;
}

// A service client of the official SDK (`ClientClass`, e.g. AosClient) for `server`, signed
// with its AK/SK for the project of `region`.
function projectClient(core, ClientClass, server, region = 'cn-north-4') {
  const credentials = new core.BasicCredentials()
      .withAk(server.ak).withSk(server.sk).withProjectId(server.projectId(region));
  return ClientClass.newBuilder().withCredential(credentials).withEndpoint(server.endpoint).build();
}

// The error a call that must fail raised (the SDK's ServiceResponseException); fails the test
// when the call succeeds.
async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('the call was expected to fail');
}

module.exports = { startServer, pollUntil, loadOptionalSdk, projectClient, rejection };
