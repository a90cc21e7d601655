// The RFS operations 1–21 driven by the official Huawei Cloud Node.js SDK's AosClient
// (@huaweicloud/huaweicloud-sdk-aos), unmodified, against a real Formwork server: its request
// models, its AK/SK signer, its redirect and error handling.
//
// The AOS package is optional (server.js loadOptionalSdk): it is not on every npm registry.
// Where it is missing the test says so and is skipped (see tests/sdk/README.md).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer, pollUntil, loadOptionalSdk, projectClient, rejection } = require('./server');

const loaded = loadOptionalSdk('aos');
const aos = loaded && loaded.sdk;
const core = loaded && loaded.core;

const TEMPLATE = `
variable "prefix" {
  type        = string
  default     = "sdk"
  description = "Name prefix"
}
variable "db_password" {
  type      = string
  sensitive = true
  validation {
    condition     = length(var.db_password) >= 8
    error_message = "At least 8 characters."
  }
}
resource "random_id" "suffix" {
  byte_length = 4
}
resource "huaweicloud_vpc" "main" {
  name = "\${var.prefix}-vpc"
  cidr = "192.168.0.0/16"
}
resource "huaweicloud_vpc_subnet" "app" {
  name       = "\${var.prefix}-subnet"
  cidr       = "192.168.1.0/24"
  gateway_ip = "192.168.1.1"
  vpc_id     = huaweicloud_vpc.main.id
}
output "vpc_id" {
  value = huaweicloud_vpc.main.id
}
output "password" {
  value     = var.db_password
  sensitive = true
}
`;

// A subnet outside its VPC's CIDR: the apply fails at the cloud.
const FAILING_TEMPLATE = `
resource "huaweicloud_vpc" "main" {
  name = "bad-vpc"
  cidr = "192.168.0.0/16"
}
resource "huaweicloud_vpc_subnet" "bad" {
  name       = "bad-subnet"
  cidr       = "10.0.1.0/24"
  gateway_ip = "10.0.1.1"
  vpc_id     = huaweicloud_vpc.main.id
}
`;

const SECRET = 'Sup3r-Secret-Value';

test('the official AOS SDK drives RFS stacks and execution plans', { skip: aos ? false : 'the @huaweicloud/huaweicloud-sdk-aos package is not installed' }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const client = projectClient(core, aos.AosClient, server);
  const rid = () => crypto.randomUUID();
  const pid = server.projectId('cn-north-4');
  const vars = (password, prefix) => {
    const out = [new aos.VarsStructure().withVarKey('db_password').withVarValue(password)];
    if (prefix) out.push(new aos.VarsStructure().withVarKey('prefix').withVarValue(prefix));
    return out;
  };
  const metadata = (name) => client.getStackMetadata(
      new aos.GetStackMetadataRequest().withClientRequestId(rid()).withProjectId(pid).withStackName(name));
  const waitStatus = (name, wanted) => pollUntil(async () => {
    const m = await metadata(name);
    return wanted.includes(m.status) ? m : null;
  });

  // CreateStack with a template and vars_structure (a sensitive variable).
  const created = await client.createStack(new aos.CreateStackRequest().withClientRequestId(rid()).withProjectId(pid)
      .withBody(new aos.CreateStackRequestBody().withStackName('sdk-stack')
          .withDescription('made by the SDK').withTemplateBody(TEMPLATE)
          .withVarsStructure(vars(SECRET)).withEnableAutoRollback(false)));
  assert.equal(created.httpStatusCode, 201);
  assert.match(created.stack_id, /^[0-9a-f-]{36}$/);
  assert.match(created.deployment_id, /^[0-9a-f-]{36}$/);

  // GetStackMetadata until the deployment completes.
  const done = await waitStatus('sdk-stack', ['DEPLOYMENT_COMPLETE', 'DEPLOYMENT_FAILED']);
  assert.equal(done.status, 'DEPLOYMENT_COMPLETE', done.status_message);
  assert.equal(done.stack_id, created.stack_id);
  assert.equal(done.description, 'made by the SDK');
  assert.equal(typeof done.enable_auto_rollback, 'boolean');
  assert.equal(typeof done.enable_deletion_protection, 'boolean');
  assert.match(done.create_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  assert.ok(!JSON.stringify(done).includes(SECRET), 'the sensitive variable leaked');
  const shown = done.vars_structure.find((v) => v.var_key === 'db_password');
  assert.notEqual(shown.var_value, SECRET);

  // ListStacks.
  const stacks = await client.listStacks(new aos.ListStacksRequest().withClientRequestId(rid()).withProjectId(pid));
  assert.deepEqual(stacks.stacks.map((s) => s.stack_name), ['sdk-stack']);

  // ListStackResources.
  const resources = await client.listStackResources(new aos.ListStackResourcesRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack'));
  const byName = Object.fromEntries(resources.stack_resources.map((r) => [r.logical_resource_name, r]));
  assert.deepEqual(Object.keys(byName).sort(), ['app', 'main', 'suffix']);
  assert.equal(byName.main.logical_resource_type, 'huaweicloud_vpc');
  assert.equal(byName.main.resource_status, 'CREATION_COMPLETE');
  assert.match(byName.main.physical_resource_id, /^[0-9a-f-]{36}$/);
  for (const a of byName.main.resource_attributes) {
    assert.equal(typeof a.key, 'string');
    assert.equal(typeof a.value, 'string');
  }

  // ListStackOutputs: the sensitive output is masked.
  const outputs = await client.listStackOutputs(new aos.ListStackOutputsRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack'));
  const out = Object.fromEntries(outputs.outputs.map((o) => [o.name, o]));
  assert.equal(out.vpc_id.value, byName.main.physical_resource_id);
  assert.equal(out.vpc_id.type, 'string');
  assert.equal(out.password.value, '<sensitive>');
  assert.equal(out.password.sensitive, true);
  assert.ok(!JSON.stringify(outputs).includes(SECRET), 'a sensitive output leaked');

  // ListStackEvents: field selection, a filter and pagination by marker.
  const events = await client.listStackEvents(new aos.ListStackEventsRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack')
      .withFilter('resource_type==huaweicloud_vpc').withField('resource_name,timestamp'));
  assert.ok(events.stack_events.length >= 1);
  for (const e of events.stack_events) {
    assert.equal(e.resource_type, undefined);
    assert.equal(e.resource_name, 'main');
    assert.equal(typeof e.event_type, 'string');
  }
  const firstPage = await client.listStackEvents(new aos.ListStackEventsRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withLimit(2));
  assert.equal(firstPage.stack_events.length, 2);
  assert.equal(typeof firstPage.page_info.next_marker, 'string');
  const secondPage = await client.listStackEvents(new aos.ListStackEventsRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withLimit(2)
      .withMarker(firstPage.page_info.next_marker));
  assert.ok(secondPage.stack_events.length >= 1);
  assert.ok(!JSON.stringify(firstPage).includes(SECRET) && !JSON.stringify(secondPage).includes(SECRET));

  // GetStackTemplate: the SDK follows the 307 to Formwork's download link.
  const templ = await client.getStackTemplate(new aos.GetStackTemplateRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack')
      .withAccessControlSourceIps(['127.0.0.1/32']));
  assert.equal(templ.httpStatusCode, 200);
  assert.equal(templ.body, TEMPLATE);  // a stream response: the download is an OBS-like object

  // UpdateStack.
  const updated = await client.updateStack(new aos.UpdateStackRequest().withClientRequestId(rid()).withProjectId(pid)
      .withStackName('sdk-stack').withBody(new aos.UpdateStackRequestBody()
          .withDescription('updated').withStackId(created.stack_id).withEnableDeletionProtection(true)));
  assert.equal(updated.httpStatusCode, 204);
  assert.equal((await metadata('sdk-stack')).enable_deletion_protection, true);

  // DeleteStack is refused while deletion protection is on (the SDK raises the RF error).
  const protectedErr = await rejection(client.deleteStack(new aos.DeleteStackRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack')));
  assert.equal(protectedErr.httpStatusCode, 403);
  assert.match(protectedErr.errorCode, /^RF\.\d+$/);
  await client.updateStack(new aos.UpdateStackRequest().withClientRequestId(rid()).withProjectId(pid)
      .withStackName('sdk-stack').withBody(new aos.UpdateStackRequestBody().withEnableDeletionProtection(false)));

  // ParseTemplateVariables.
  const parsed = await client.parseTemplateVariables(new aos.ParseTemplateVariablesRequest()
      .withClientRequestId(rid()).withProjectId(pid).withBody(new aos.ParseTemplateVariablesRequestBody().withTemplateBody(TEMPLATE)));
  const pv = Object.fromEntries(parsed.variables.map((v) => [v.name, v]));
  assert.equal(pv.prefix.type, 'string');
  assert.equal(pv.prefix.description, 'Name prefix');
  assert.equal(pv.prefix.default, 'sdk');
  assert.equal(pv.db_password.sensitive, true);
  assert.equal(pv.db_password.validations[0].error_message, 'At least 8 characters.');

  // CreateExecutionPlan (202), GetExecutionPlanMetadata until AVAILABLE.
  const plan = await client.createExecutionPlan(new aos.CreateExecutionPlanRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withBody(new aos.CreateExecutionPlanRequestBody()
          .withExecutionPlanName('rename').withTemplateBody(TEMPLATE).withVarsStructure(vars(SECRET, 'renamed'))));
  assert.equal(plan.httpStatusCode, 202);
  assert.match(plan.execution_plan_id, /^[0-9a-f-]{36}$/);
  const planMeta = await pollUntil(async () => {
    const m = await client.getExecutionPlanMetadata(new aos.GetExecutionPlanMetadataRequest()
        .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withExecutionPlanName('rename'));
    return m.status === 'CREATION_IN_PROGRESS' ? null : m;
  });
  assert.equal(planMeta.status, 'AVAILABLE', planMeta.status_message);
  assert.ok(planMeta.summary.resource_update >= 1);

  // ListExecutionPlans.
  const plans = await client.listExecutionPlans(new aos.ListExecutionPlansRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack'));
  assert.deepEqual(plans.execution_plans.map((p) => p.execution_plan_name), ['rename']);

  // GetExecutionPlan: the diff with attribute-level changes.
  const diff = await client.getExecutionPlan(new aos.GetExecutionPlanRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withExecutionPlanName('rename'));
  const vpcItem = diff.execution_plan_items.find((i) => i.resource_name === 'main');
  assert.equal(vpcItem.action, 'UPDATE');
  const nameChange = vpcItem.attributes.find((a) => a.name === 'name');
  assert.equal(nameChange.previous_value, 'sdk-vpc');
  assert.equal(nameChange.target_value, 'renamed-vpc');
  assert.ok(!JSON.stringify(diff).includes(SECRET));

  // EstimateExecutionPlanPrice.
  const price = await client.estimateExecutionPlanPrice(new aos.EstimateExecutionPlanPriceRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withExecutionPlanName('rename'));
  assert.ok(Array.isArray(price.items));

  // ApplyExecutionPlan, then the stack is updated.
  const applied = await client.applyExecutionPlan(new aos.ApplyExecutionPlanRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withExecutionPlanName('rename')
      .withBody(new aos.ApplyExecutionPlanRequestBody().withExecutionPlanId(plan.execution_plan_id)));
  assert.equal(applied.httpStatusCode, 202);
  assert.match(applied.deployment_id, /^[0-9a-f-]{36}$/);
  await waitStatus('sdk-stack', ['DEPLOYMENT_COMPLETE']);
  const afterApply = await client.listStackResources(new aos.ListStackResourcesRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack'));
  const vpc = afterApply.stack_resources.find((r) => r.logical_resource_name === 'main');
  assert.equal(vpc.resource_attributes.find((a) => a.key === 'name').value, 'renamed-vpc');

  // A second plan made before the next deployment is stale afterwards: apply is refused.
  await client.createExecutionPlan(new aos.CreateExecutionPlanRequest().withClientRequestId(rid()).withProjectId(pid)
      .withStackName('sdk-stack').withBody(new aos.CreateExecutionPlanRequestBody()
          .withExecutionPlanName('stale').withTemplateBody(TEMPLATE).withVarsStructure(vars(SECRET, 'other'))));
  await pollUntil(async () => (await client.getExecutionPlanMetadata(new aos.GetExecutionPlanMetadataRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withExecutionPlanName('stale'))).status === 'AVAILABLE');
  const deployed = await client.deployStack(new aos.DeployStackRequest().withClientRequestId(rid()).withProjectId(pid)
      .withStackName('sdk-stack').withBody(new aos.DeployStackRequestBody()
          .withTemplateBody(TEMPLATE).withVarsStructure(vars(SECRET, 'renamed'))));
  assert.equal(deployed.httpStatusCode, 202);
  await waitStatus('sdk-stack', ['DEPLOYMENT_COMPLETE']);
  const staleErr = await rejection(client.applyExecutionPlan(new aos.ApplyExecutionPlanRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withExecutionPlanName('stale')
      .withBody(new aos.ApplyExecutionPlanRequestBody())));
  assert.ok([400, 403].includes(staleErr.httpStatusCode), String(staleErr.httpStatusCode));
  assert.match(staleErr.errorCode, /^RF\./);

  // DeleteExecutionPlan.
  const deletedPlan = await client.deleteExecutionPlan(new aos.DeleteExecutionPlanRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack').withExecutionPlanName('stale'));
  assert.equal(deletedPlan.httpStatusCode, 204);

  // A failing deployment, ContinueDeployStack (fails again), and ContinueRollbackStack refused.
  await client.createStack(new aos.CreateStackRequest().withClientRequestId(rid()).withProjectId(pid)
      .withBody(new aos.CreateStackRequestBody().withStackName('sdk-failing').withTemplateBody(FAILING_TEMPLATE)));
  const failed = await waitStatus('sdk-failing', ['DEPLOYMENT_FAILED']);
  assert.ok(failed.status_message.length > 0);
  const continued = await client.continueDeployStack(new aos.ContinueDeployStackRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-failing').withBody(new aos.ContinueDeployStackRequestBody()));
  assert.equal(continued.httpStatusCode, 202);
  await waitStatus('sdk-failing', ['DEPLOYMENT_FAILED']);
  const rollbackErr = await rejection(client.continueRollbackStack(new aos.ContinueRollbackStackRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-failing').withBody(new aos.ContinueRollbackStackRequestBody())));
  assert.equal(rollbackErr.httpStatusCode, 403);

  // DeleteStackEnhanced keeping the resources, and DeleteStack.
  const retained = await client.deleteStackEnhanced(new aos.DeleteStackEnhancedRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-failing')
      .withBody(new aos.DeleteStackEnhancedRequestBody().withRetainAllResources(true)));
  assert.equal(retained.httpStatusCode, 202);
  const gone = await client.deleteStack(new aos.DeleteStackRequest()
      .withClientRequestId(rid()).withProjectId(pid).withStackName('sdk-stack'));
  assert.equal(gone.httpStatusCode, 202);
  for (const name of ['sdk-failing', 'sdk-stack']) {
    const missing = await pollUntil(async () => {
      try {
        await metadata(name);
        return null;
      } catch (e) {
        return e;
      }
    });
    assert.equal(missing.httpStatusCode, 404);
    assert.match(missing.errorCode, /^RF\./);
  }

  // A request without Client-Request-Id is refused with the RF error body the SDK understands.
  const noId = await rejection(client.listStacks(new aos.ListStacksRequest().withProjectId(pid)));
  assert.equal(noId.httpStatusCode, 400);
  assert.match(noId.errorCode, /^RF\./);
  assert.ok(!server.stderr().includes(SECRET), 'the sensitive variable reached the log');
});
