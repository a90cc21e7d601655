// The CDM cluster API driven by the official Huawei Cloud Node.js SDK's CdmClient
// (@huaweicloud/huaweicloud-sdk-cdm), unmodified, against a real Formwork server.
//
// The CDM package is optional (server.js loadOptionalSdk): it is not on every npm registry.
// Where it is missing the test says so and is skipped (see tests/sdk/README.md).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer, pollUntil, loadOptionalSdk, projectClient, rejection } = require('./server');

const loaded = loadOptionalSdk('cdm');
const cdm = loaded && loaded.sdk;
const core = loaded && loaded.core;

test('the official CDM SDK creates, lists, stops, starts, modifies and deletes a cluster', { skip: cdm ? false : 'the @huaweicloud/huaweicloud-sdk-cdm package is not installed' }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const client = projectClient(core, cdm.CdmClient, server);

  // The catalogue calls a user makes before creating a cluster.
  const zones = await client.showAvailabilityZones(new cdm.ShowAvailabilityZonesRequest().withRegionId('cn-north-4'));
  assert.equal(zones.regionId, 'cn-north-4');
  const az = zones.availableZones[0].availableZoneCode;
  assert.match(az, /^cn-north-4[a-z]$/);
  const datastores = await client.showDatastores(new cdm.ShowDatastoresRequest());
  const datastore = datastores.datastores[0];
  assert.equal(datastore.name, 'cdm');
  const flavors = await client.showFlavors(new cdm.ShowFlavorsRequest().withDatastoreId(datastore.id));
  const flavor = flavors.versions[0].flavors.find((f) => f.name === 'cdm.medium') || flavors.versions[0].flavors[0];
  assert.equal(typeof flavor.str_id, 'string');
  const detail = await client.showFlavorDetail(new cdm.ShowFlavorDetailRequest().withFlavorId(flavor.str_id));
  for (const item of detail.flavor_detail) assert.equal(typeof item.value, 'string');

  // CreateCluster.
  const instance = new cdm.Instance().withAvailabilityZone(az).withFlavorRef(flavor.str_id).withType('cdm')
      .withNics([new cdm.Nics().withSecurityGroupId('sg-01').withNetId('subnet-01')]);
  const cluster = new cdm.CdmCreateClusterReqCluster().withName('cdm-sdk').withVpcId('vpc-01')
      .withInstances([instance])
      .withDatastore(new cdm.Datastore().withType('cdm').withVersion(datastore.defaultVersion))
      .withIsAutoOff(false).withIsScheduleBootOff(false);
  const created = await client.createCluster(new cdm.CreateClusterRequest()
      .withBody(new cdm.CdmCreateClusterReq().withCluster(cluster).withAutoRemind(false)));
  assert.equal(created.httpStatusCode, 202);
  assert.match(created.id, /^[0-9a-f-]{36}$/);
  assert.equal(created.name, 'cdm-sdk');

  // ShowClusterDetail until it is running: status is the string "200".
  const show = () => client.showClusterDetail(new cdm.ShowClusterDetailRequest().withClusterId(created.id));
  const running = await pollUntil(async () => {
    const d = await show();
    return d.status === '200' ? d : null;
  });
  assert.equal(running.name, 'cdm-sdk');
  assert.equal(typeof running.instances[0].status, 'string');
  assert.ok(running.publicEndpoint === undefined || typeof running.publicEndpoint === 'string');

  // ListClusters.
  const list = await client.listClusters(new cdm.ListClustersRequest());
  assert.deepEqual(list.clusters.map((c) => c.id), [created.id]);
  assert.equal(list.clusters[0].status, '200');

  // ShowInstanceDetail of its node.
  const node = await client.showInstanceDetail(new cdm.ShowInstanceDetailRequest().withInstanceId(running.instances[0].id));
  assert.equal(node.instance.id, running.instances[0].id);
  assert.equal(node.instance.cluster_id, created.id);

  // StopCluster, then StartCluster, then RestartCluster.
  const stopped = await client.stopCluster(new cdm.StopClusterRequest().withClusterId(created.id)
      .withBody(new cdm.CdmStopClusterReq().withStop(new cdm.CdmStopClusterReqStop().withStopMode('IMMEDIATELY').withDelayTime(0))));
  assert.equal(typeof stopped.jobId[0], 'string');
  await pollUntil(async () => (await show()).status === '900');
  await client.startCluster(new cdm.StartClusterRequest().withClusterId(created.id)
      .withBody(new cdm.CdmStartClusterReq().withStart({})));
  await pollUntil(async () => (await show()).status === '200');
  const restarted = await client.restartCluster(new cdm.RestartClusterRequest().withClusterId(created.id)
      .withBody(new cdm.CdmRestartClusterReq().withRestart(new cdm.CdmRestartClusterReqRestart()
          .withRestartMode('IMMEDIATELY').withRestartLevel('SERVICE').withType('cdm').withRestartDelayTime(0))));
  assert.equal(typeof restarted.jobId, 'string');  // restart answers a string, stop an array
  await pollUntil(async () => (await show()).status === '200');

  // ModifyCluster.
  await client.modifyCluster(new cdm.ModifyClusterRequest().withClusterId(created.id)
      .withBody(new cdm.CdmModifyClusterReq().withAutoOff(true)));
  assert.equal((await show()).isAutoOff, true);

  // Enterprise projects.
  const eps = await client.showClusterEnterpriseProjects(new cdm.ShowClusterEnterpriseProjectsRequest().withClusterId(created.id));
  assert.equal(eps.sys_tags[0].key, '_sys_enterprise_project_id');
  assert.equal(eps.sys_tags[0].value, '0');
  const all = await client.showEnterpriseProjects(new cdm.ShowEnterpriseProjectsRequest());
  assert.equal(all.resources[0].cluster_id, created.id);

  // DeleteCluster, then it is gone (the SDK raises CDM's error body).
  const deleted = await client.deleteCluster(new cdm.DeleteClusterRequest().withClusterId(created.id)
      .withBody(new cdm.CdmDeleteClusterReq().withKeepLastManualBackup(0)));
  assert.equal(deleted.httpStatusCode, 202);
  const gone = await pollUntil(async () => {
    try {
      await show();
      return null;
    } catch (e) {
      return e;
    }
  });
  assert.equal(gone.httpStatusCode, 404);
  assert.match(gone.errorCode, /^Cdm\.\d+$/);

  // A bad request is refused with CDM's error body.
  const bad = await rejection(client.createCluster(new cdm.CreateClusterRequest()
      .withBody(new cdm.CdmCreateClusterReq().withCluster(new cdm.CdmCreateClusterReqCluster().withName('x')))));
  assert.equal(bad.httpStatusCode, 400);
  assert.match(bad.errorCode, /^Cdm\.\d+$/);
});
