// IAM tokens, project discovery and AK/SK signatures driven by the official Huawei Cloud
// Node.js SDK (@huaweicloud/huaweicloud-sdk-core and @huaweicloud/huaweicloud-sdk-iam, from the
// npm registry, unmodified) against a real Formwork server.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const core = require('@huaweicloud/huaweicloud-sdk-core');
const { Region } = require('@huaweicloud/huaweicloud-sdk-core/region/region');
// The package's top-level entry fails to load in 3.1.172 (its v5 index requires a file that is
// not shipped), so the v3 API is loaded directly.
const iam = require('@huaweicloud/huaweicloud-sdk-iam/v3/public-api');
const { startServer, rejection } = require('./server');

let server;
test.before(async () => { server = await startServer(); });
test.after(async () => { await server.stop(); });

function globalClient(sk = server.sk) {
  const credentials = new core.GlobalCredentials()
      .withAk(server.ak).withSk(sk).withDomainId(server.domainId);
  return iam.IamClient.newBuilder().withCredential(credentials).withEndpoint(server.endpoint).build();
}

test('KeystoneListProjects and KeystoneListAuthDomains, AK/SK signed by the SDK', async () => {
  const client = globalClient();
  const projects = await client.keystoneListProjects(new iam.KeystoneListProjectsRequest().withName('cn-north-4'));
  assert.equal(projects.projects.length, 1);
  assert.equal(projects.projects[0].id, server.projectId('cn-north-4'));
  assert.equal(projects.projects[0].domain_id, server.domainId);

  const all = await client.keystoneListProjects(new iam.KeystoneListProjectsRequest());
  assert.ok(all.projects.some((p) => p.name === 'eu-west-0'));

  const domains = await client.keystoneListAuthDomains(new iam.KeystoneListAuthDomainsRequest());
  assert.deepEqual(domains.domains.map((d) => d.name), [server.domainName]);
});

test('a wrong secret key is refused with the gateway error the SDK raises', async () => {
  const e = await rejection(globalClient('wrongSecretKey0123456789abcdefghijklmnop')
      .keystoneListAuthDomains(new iam.KeystoneListAuthDomainsRequest()));
  assert.equal(e.httpStatusCode, 401);
  assert.equal(e.errorCode, 'APIGW.0301');
});

test('KeystoneCreateUserTokenByPassword, then KeystoneValidateToken', async () => {
  const client = globalClient();
  const body = new iam.KeystoneCreateUserTokenByPasswordRequestBody().withAuth(new iam.PwdAuth()
      .withIdentity(new iam.PwdIdentity().withMethods(['password']).withPassword(new iam.PwdPassword()
          .withUser(new iam.PwdPasswordUser().withName(server.userName).withPassword(server.password)
              .withDomain(new iam.PwdPasswordUserDomain().withName(server.domainName)))))
      .withScope(new iam.AuthScope().withProject(new iam.AuthScopeProject().withName('cn-north-4'))));
  const created = await client.keystoneCreateUserTokenByPassword(
      new iam.KeystoneCreateUserTokenByPasswordRequest().withBody(body));
  assert.equal(created.httpStatusCode, 201);
  const token = created['X-Subject-Token'];
  assert.equal(typeof token, 'string');
  assert.ok(token.length > 20);
  assert.equal(created.token.project.id, server.projectId('cn-north-4'));
  assert.equal(created.token.user.name, server.userName);
  assert.ok(Date.parse(created.token.expires_at) > Date.now());
  assert.ok(!JSON.stringify(created).includes(server.password));

  const validated = await client.keystoneValidateToken(new iam.KeystoneValidateTokenRequest().withXSubjectToken(token));
  assert.equal(validated.token.user.id, created.token.user.id);

  const wrong = await rejection(client.keystoneCreateUserTokenByPassword(new iam.KeystoneCreateUserTokenByPasswordRequest()
      .withBody(new iam.KeystoneCreateUserTokenByPasswordRequestBody().withAuth(new iam.PwdAuth()
          .withIdentity(new iam.PwdIdentity().withMethods(['password']).withPassword(new iam.PwdPassword()
              .withUser(new iam.PwdPasswordUser().withName(server.userName).withPassword('not-the-password')
                  .withDomain(new iam.PwdPasswordUserDomain().withName(server.domainName)))))))));
  assert.equal(wrong.httpStatusCode, 401);
});

test('a client built with a Region finds its project id through Formwork', async () => {
  // BasicCredentials without a project id: the SDK asks IAM (GET /v3/projects?name=<region>).
  const credentials = new core.BasicCredentials().withAk(server.ak).withSk(server.sk)
      .withIamEndpoint(server.endpoint);
  const client = iam.IamClient.newBuilder().withCredential(credentials)
      .withRegion(new Region('cn-east-3', server.endpoint)).build();
  const projects = await client.keystoneListAuthProjects(new iam.KeystoneListAuthProjectsRequest());
  assert.ok(projects.projects.some((p) => p.id === server.projectId('cn-east-3')));
  assert.equal(credentials.projectId, server.projectId('cn-east-3'));
});
