'use strict';
// The real Tablestore npm SDK (tablestore@5.6.5) against the console's wire endpoint: the table actions, each
// result checked field by field. Exit code 0 and one JSON summary line on success; a clear message and exit 1
// on the first mismatch. Settings from the environment: OTS_ENDPOINT (the console's URL root), OTS_INSTANCE,
// OTS_ACCESS_KEY_ID, OTS_ACCESS_KEY_SECRET. Run by tests/Web.Tests/Wire/Sdk/NodeSdkTableTests.cs.
const { call, check, equal, number, run } = require('./harness');
const TableStore = require('tablestore');

run(async () => {
  const started = Math.floor(Date.now() / 1000);
  await call('createTable', {
    tableMeta: {
      tableName: 'sdk_orders',
      primaryKey: [
        { name: 'shop', type: 'STRING' },
        { name: 'id', type: 'INTEGER', option: 'AUTO_INCREMENT' },
      ],
      definedColumn: [{ name: 'price', type: TableStore.DefinedColumnType.DCT_DOUBLE }],
    },
    reservedThroughput: { capacityUnit: { read: 0, write: 0 } },
    tableOptions: { timeToLive: -1, maxVersions: 2, maxTimeDeviation: 3600 },
    streamSpecification: { enableStream: true, expirationTime: 24 },
  });
  await call('createTable', {
    tableMeta: { tableName: 'sdk_plain', primaryKey: [{ name: 'k', type: 'BINARY' }] },
    reservedThroughput: { capacityUnit: { read: 0, write: 0 } },
    tableOptions: { timeToLive: -1, maxVersions: 1 },
  });

  const listed = await call('listTable', {});
  equal(listed.tableNames, ['sdk_orders', 'sdk_plain'], 'listTable tableNames');

  const described = await call('describeTable', { tableName: 'sdk_orders' });
  equal(described.tableMeta.tableName, 'sdk_orders', 'describeTable tableMeta.tableName');
  // protobufjs answers an absent field with its default (option: AUTO_INCREMENT), so presence is hasOwnProperty.
  equal(described.tableMeta.primaryKey.map(k => [k.name, k.type, Object.prototype.hasOwnProperty.call(k, 'option') ? k.option : null]),
    [['shop', 2, null], ['id', 1, 1]], 'describeTable tableMeta.primaryKey [name, type, option]');
  equal(described.tableMeta.definedColumn.map(c => [c.name, c.type]), [['price', 2]], 'describeTable tableMeta.definedColumn');
  const reserved = described.reservedThroughputDetails;
  equal([reserved.capacityUnit.read, reserved.capacityUnit.write], [0, 0], 'describeTable reservedThroughputDetails.capacityUnit');
  check(Math.abs(number(reserved.lastIncreaseTime) - started) <= 600,
    `describeTable reservedThroughputDetails.lastIncreaseTime ${reserved.lastIncreaseTime} is not the creation time in seconds (~${started})`);
  const options = described.tableOptions;
  equal([options.timeToLive, options.maxVersions, number(options.deviationCellVersionInSec)], [-1, 2, 3600], 'describeTable tableOptions');
  equal(described.tableStatus, 1, 'describeTable tableStatus (ACTIVE)');
  const stream = described.streamDetails;
  check(stream, 'describeTable streamDetails is missing for a table with a stream');
  equal([stream.enableStream, stream.expirationTime], [true, 24], 'describeTable streamDetails [enableStream, expirationTime]');
  check(typeof stream.streamId === 'string' && stream.streamId.length > 0, 'describeTable streamDetails.streamId is empty');
  equal(described.shardSplits, [], 'describeTable shardSplits');

  const updated = await call('updateTable', {
    tableName: 'sdk_orders',
    tableOptions: { maxVersions: 3 },
    streamSpecification: { enableStream: false },
  });
  equal([updated.tableOptions.timeToLive, updated.tableOptions.maxVersions], [-1, 3], 'updateTable tableOptions');
  equal([updated.reservedThroughputDetails.capacityUnit.read, updated.reservedThroughputDetails.capacityUnit.write], [0, 0],
    'updateTable reservedThroughputDetails.capacityUnit');
  check(!Object.prototype.hasOwnProperty.call(updated, 'streamDetails'), 'updateTable returned streamDetails after the stream was disabled');
  const after = await call('describeTable', { tableName: 'sdk_orders' });
  equal(after.tableOptions.maxVersions, 3, 'describeTable after updateTable: tableOptions.maxVersions');
  check(!Object.prototype.hasOwnProperty.call(after, 'streamDetails'), 'describeTable after updateTable still shows a stream');

  // node reports a service error as the HTTP status (a number) and the raw body; the status is what it can check.
  const missing = await call('describeTable', { tableName: 'sdk_missing' }, { expectError: true });
  equal(missing.code, 404, 'describeTable of a missing table: status');
  const twice = await call('createTable', {
    tableMeta: { tableName: 'sdk_plain', primaryKey: [{ name: 'k', type: 'BINARY' }] },
    reservedThroughput: { capacityUnit: { read: 0, write: 0 } },
    tableOptions: { timeToLive: -1, maxVersions: 1 },
  }, { expectError: true });
  equal(twice.code, 409, 'createTable of an existing table: status');
  check(twice.message.includes('OTSObjectAlreadyExist'), `createTable twice: the body does not name OTSObjectAlreadyExist: ${twice.message}`);

  await call('deleteTable', { tableName: 'sdk_orders' });
  await call('deleteTable', { tableName: 'sdk_plain' });
  equal((await call('listTable', {})).tableNames, [], 'listTable after deleteTable');

  return {
    tables: listed.tableNames,
    primaryKey: described.tableMeta.primaryKey.map(k => k.name),
    streamId: stream.streamId,
    maxVersionsAfterUpdate: after.tableOptions.maxVersions,
    errors: { describeMissing: missing.code, createTwice: twice.code },
  };
});
