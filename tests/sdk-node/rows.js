'use strict';
// The real Tablestore npm SDK (tablestore@5.6.5) writes and reads rows on the console's wire endpoint: PutRow with
// an auto-increment key and conditions, UpdateRow with every kind of column change and column conditions,
// BatchWriteRow with a failing row, GetRow, GetRange both ways with paging, BatchGetRow over two tables and
// DeleteRow; every value type. Exit code 0 and one JSON summary line (the rows it leaves in sdk_rows, each value
// as "<type>:<text>") on success; a clear message and exit 1 on the first mismatch. Run by
// tests/Web.Tests/Wire/Sdk/NodeSdkRowTests.cs, which then reads the same rows through the JSON API and delivery.
const { call, check, equal, run } = require('./harness');
const TableStore = require('tablestore');
const Long = TableStore.Long;
// The SDK's int64 class (int64-buffer's Int64LE), taken from the SDK itself rather than required behind its back.
const Int64LE = Long.fromNumber(0).constructor;
const ignore = () => new TableStore.Condition(TableStore.RowExistenceExpectation.IGNORE, null);
const expectExist = column => new TableStore.Condition(TableStore.RowExistenceExpectation.EXPECT_EXIST, column || null);
const expectNotExist = () => new TableStore.Condition(TableStore.RowExistenceExpectation.EXPECT_NOT_EXIST, null);

const NAME = 'Ålice ünïcødé 世界 🚀';
const BIG = '9007199254740993'; // 2^53 + 1: only exact as an int64, never as a JS number
const BLOB = Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff]);

/** A cell or key value as "<type>:<text>", the form the C# test compares with the JSON API's and Parquet's. */
function typed(value) {
  if (value instanceof Int64LE)
    return `int:${value.toString(10)}`;
  if (Buffer.isBuffer(value))
    return `bin:${value.toString('base64')}`;
  if (typeof value === 'string')
    return `str:${value}`;
  if (typeof value === 'boolean')
    return `bool:${value}`;
  if (typeof value === 'number')
    return `dbl:${value}`;
  throw new Error(`unexpected value ${value} (${typeof value}, ${value && value.constructor && value.constructor.name})`);
}

/** A decoded row as {primaryKey: {name: typed}, columns: {name: typed}}. */
function plain(row) {
  const primaryKey = Object.fromEntries((row.primaryKey || []).map(k => [k.name, typed(k.value)]));
  const columns = Object.fromEntries((row.attributes || []).map(c => [c.columnName, typed(c.columnValue)]));
  return { primaryKey, columns };
}

/**
 * The Tablestore error code in a failed call: node reports the HTTP status as err.code and the raw protobuf
 * Error body, read as text, as err.message (Error{1: code, ...}: byte 0x0a, the length, then the code in ASCII).
 */
function otsCode(error) {
  const message = error.message;
  check(message.charCodeAt(0) === 0x0a, `the error body is not a protobuf Error (first byte ${message.charCodeAt(0)}): ${message}`);
  return message.substr(2, message.charCodeAt(1));
}

async function failure(operation, params) {
  const error = await call(operation, params, { expectError: true });
  return { status: error.code, code: otsCode(error) };
}

function key(id, seq) {
  return [{ id }, { seq: seq instanceof Int64LE || seq === TableStore.PK_AUTO_INCR ? seq : Long.fromNumber(seq) }];
}

run(async () => {
  const stamp = Date.now() - 60_000;
  await call('createTable', {
    tableMeta: {
      tableName: 'sdk_rows',
      primaryKey: [{ name: 'id', type: 'STRING' }, { name: 'seq', type: 'INTEGER', option: 'AUTO_INCREMENT' }],
      definedColumn: [
        { name: 'name', type: TableStore.DefinedColumnType.DCT_STRING },
        { name: 'qty', type: TableStore.DefinedColumnType.DCT_INTEGER },
        { name: 'price', type: TableStore.DefinedColumnType.DCT_DOUBLE },
        { name: 'active', type: TableStore.DefinedColumnType.DCT_BOOLEAN },
      ],
    },
    reservedThroughput: { capacityUnit: { read: 0, write: 0 } },
    tableOptions: { timeToLive: -1, maxVersions: 1 },
  });
  await call('createTable', {
    tableMeta: { tableName: 'sdk_tags', primaryKey: [{ name: 'tag', type: 'STRING' }] },
    reservedThroughput: { capacityUnit: { read: 0, write: 0 } },
    tableOptions: { timeToLive: -1, maxVersions: 1 },
  });

  // PutRow with an auto-increment placeholder: ReturnType.Primarykey answers the generated seq.
  const alicePut = await call('putRow', {
    tableName: 'sdk_rows',
    condition: ignore(),
    primaryKey: key('alice', TableStore.PK_AUTO_INCR),
    attributeColumns: [
      { name: NAME }, { qty: Long.fromNumber(3) }, { big: Long.fromString(BIG) }, { price: 19.5 }, { active: true },
      { blob: BLOB }, { note: 'deleted by DELETE_ALL' }, { tag: 'v1', timestamp: stamp },
    ],
    returnContent: { returnType: TableStore.ReturnType.Primarykey },
  });
  const returned = alicePut.row.primaryKey || [];
  equal(returned.map(k => k.name), ['id', 'seq'], 'putRow ReturnType.Primarykey: key names');
  check(returned[1].value instanceof Int64LE, `putRow: the generated seq is not an int64 (Long): ${typed(returned[1].value)}`);
  const aliceSeq = returned[1].value;
  check(Number(aliceSeq.toString()) > 0, `putRow: the generated seq ${aliceSeq} is not positive`);
  const againPut = await call('putRow', {
    tableName: 'sdk_rows',
    condition: ignore(),
    primaryKey: key('alice', TableStore.PK_AUTO_INCR),
    attributeColumns: [{ name: 'second alice' }, { qty: Long.fromNumber(-5) }, { price: -0.25 }, { active: false }],
    returnContent: { returnType: TableStore.ReturnType.Primarykey },
  });
  const aliceSeq2 = againPut.row.primaryKey[1].value;
  check(BigInt(aliceSeq2.toString()) > BigInt(aliceSeq.toString()), `putRow: the second generated seq ${aliceSeq2} is not above the first ${aliceSeq}`);

  // EXPECT_NOT_EXIST twice: the second is refused with 403 OTSConditionCheckFail.
  await call('putRow', {
    tableName: 'sdk_rows', condition: expectNotExist(), primaryKey: key('carol', 7),
    attributeColumns: [{ name: 'carol' }, { qty: Long.fromNumber(1) }],
  });
  const putTwice = await failure('putRow', {
    tableName: 'sdk_rows', condition: expectNotExist(), primaryKey: key('carol', 7), attributeColumns: [{ name: 'overwritten' }],
  });
  equal(putTwice, { status: 403, code: 'OTSConditionCheckFail' }, 'putRow EXPECT_NOT_EXIST of an existing row');

  // UpdateRow: PUT, DELETE (one version), DELETE_ALL and INCREMENT under EXPECT_EXIST and a passing column condition.
  const updated = await call('updateRow', {
    tableName: 'sdk_rows',
    condition: expectExist(new TableStore.SingleColumnCondition('qty', Long.fromNumber(3), TableStore.ComparatorType.EQUAL)),
    primaryKey: key('alice', aliceSeq),
    updateOfAttributeColumns: [
      { PUT: [{ extra: 'added by updateRow' }] },
      { DELETE: [{ tag: Long.fromNumber(stamp) }] },
      { DELETE_ALL: ['note'] },
      { INCREMENT: [{ qty: Long.fromNumber(4) }] },
    ],
    returnContent: { returnType: TableStore.ReturnType.AfterModify, returnColumns: ['qty'] },
  });
  equal(plain(updated.row).columns, { qty: 'int:7' }, 'updateRow ReturnType.AfterModify: the incremented qty');
  // A failing column condition (AND of a true and a false comparison) and EXPECT_EXIST of a missing row.
  const both = new TableStore.CompositeCondition(TableStore.LogicalOperator.AND);
  both.addSubCondition(new TableStore.SingleColumnCondition('qty', Long.fromNumber(7), TableStore.ComparatorType.EQUAL));
  both.addSubCondition(new TableStore.SingleColumnCondition('active', false, TableStore.ComparatorType.EQUAL));
  const columnFails = await failure('updateRow', {
    tableName: 'sdk_rows', condition: expectExist(both), primaryKey: key('alice', aliceSeq),
    updateOfAttributeColumns: [{ PUT: [{ name: 'must not be written' }] }],
  });
  equal(columnFails, { status: 403, code: 'OTSConditionCheckFail' }, 'updateRow with a failing column condition');
  const missingFails = await failure('updateRow', {
    tableName: 'sdk_rows', condition: expectExist(), primaryKey: key('nobody', 1),
    updateOfAttributeColumns: [{ PUT: [{ name: 'must not be written' }] }],
  });
  equal(missingFails, { status: 403, code: 'OTSConditionCheckFail' }, 'updateRow EXPECT_EXIST of a missing row');

  // BatchWriteRow over two tables: puts (one auto-increment), an update, a delete and a put whose condition fails;
  // node flattens the answer into one list in request order.
  const batch = await call('batchWriteRow', {
    tables: [
      {
        tableName: 'sdk_rows',
        rows: [
          {
            type: 'PUT', condition: ignore(), primaryKey: key('dave', TableStore.PK_AUTO_INCR),
            attributeColumns: [{ name: 'dave' }, { qty: Long.fromString('-9223372036854775808') }, { price: 1e-300 }, { active: true }],
            returnContent: { returnType: TableStore.ReturnType.Primarykey },
          },
          {
            type: 'PUT', condition: expectNotExist(), primaryKey: key('erin', 9),
            attributeColumns: [{ name: 'erin' }, { qty: Long.fromString('9223372036854775807') }, { price: 0 }],
          },
          {
            type: 'UPDATE', condition: expectExist(), primaryKey: key('carol', 7),
            attributeColumns: [{ PUT: [{ qty: Long.fromNumber(70) }, { price: 2.5 }, { active: false }] }],
          },
          { type: 'DELETE', condition: expectExist(), primaryKey: key('alice', aliceSeq2) },
          {
            type: 'PUT', condition: expectExist(), primaryKey: key('frank', 11),
            attributeColumns: [{ name: 'frank must not be written' }],
          },
        ],
      },
      {
        tableName: 'sdk_tags',
        rows: [
          { type: 'PUT', condition: ignore(), primaryKey: [{ tag: 'red' }], attributeColumns: [{ hex: 'ff0000' }, { warm: true }] },
          { type: 'PUT', condition: ignore(), primaryKey: [{ tag: 'blue' }], attributeColumns: [{ hex: '0000ff' }, { warm: false }] },
        ],
      },
    ],
  });
  equal(batch.tables.map(r => [r.tableName, r.isOk, r.errorCode]), [
    ['sdk_rows', true, null], ['sdk_rows', true, null], ['sdk_rows', true, null], ['sdk_rows', true, null],
    ['sdk_rows', false, 'OTSConditionCheckFail'], ['sdk_tags', true, null], ['sdk_tags', true, null],
  ], 'batchWriteRow per-row [table, isOk, errorCode] in request order');
  const daveKey = batch.tables[0].primaryKey || [];
  check(daveKey.length === 2 && daveKey[1].value instanceof Int64LE, `batchWriteRow: no generated key for the auto-increment put: ${JSON.stringify(daveKey)}`);
  const daveSeq = daveKey[1].value;

  // GetRow: every type as the SDK decodes it (Long for integers, number for doubles, Buffer for binary) with timestamps.
  const alice = (await call('getRow', { tableName: 'sdk_rows', primaryKey: key('alice', aliceSeq) })).row;
  equal(plain(alice), {
    primaryKey: { id: 'str:alice', seq: typed(aliceSeq) },
    columns: {
      active: 'bool:true', big: `int:${BIG}`, blob: `bin:${BLOB.toString('base64')}`, extra: 'str:added by updateRow',
      name: `str:${NAME}`, price: 'dbl:19.5', qty: 'int:7',
    },
  }, 'getRow alice after updateRow (columns by name)');
  for (const cell of alice.attributes) {
    check(cell.timestamp instanceof Int64LE, `getRow: column ${cell.columnName} has no timestamp`);
    const age = Date.now() - Number(cell.timestamp.toString());
    check(age >= -600_000 && age <= 600_000, `getRow: column ${cell.columnName} has timestamp ${cell.timestamp}, not about now`);
  }
  check(typeof alice.attributes.find(c => c.columnName === 'price').columnValue === 'number', 'getRow: a double is not a JS number');
  const missing = (await call('getRow', { tableName: 'sdk_rows', primaryKey: key('frank', 11) })).row;
  check(!missing.primaryKey && !missing.attributes, `getRow of a missing row (frank, whose batch put failed) returned ${JSON.stringify(missing)}`);

  // GetRange both ways over the whole table, a small limit, following nextStartPrimaryKey until it is null.
  async function scan(direction, start, end, limit) {
    const rows = [];
    let pages = 0;
    for (let from = start; from;) {
      const page = await call('getRange', {
        tableName: 'sdk_rows', direction, inclusiveStartPrimaryKey: from, exclusiveEndPrimaryKey: end, limit,
      });
      pages++;
      check(page.rows.length <= limit, `getRange ${direction}: ${page.rows.length} rows in a page of limit ${limit}`);
      rows.push(...page.rows.map(plain));
      from = page.nextStartPrimaryKey ? page.nextStartPrimaryKey.map(k => ({ [k.name]: k.value })) : null;
      check(pages <= 10, `getRange ${direction}: more than 10 pages for 4 rows`);
    }
    return { rows, pages };
  }
  const forward = await scan(TableStore.Direction.FORWARD,
    [{ id: TableStore.INF_MIN }, { seq: TableStore.INF_MIN }], [{ id: TableStore.INF_MAX }, { seq: TableStore.INF_MAX }], 2);
  const expectedKeys = [['str:alice', typed(aliceSeq)], ['str:carol', 'int:7'], ['str:dave', typed(daveSeq)], ['str:erin', 'int:9']];
  equal(forward.rows.map(r => [r.primaryKey.id, r.primaryKey.seq]), expectedKeys, 'getRange FORWARD keys in order');
  check(forward.pages >= 2, `getRange FORWARD: 4 rows with limit 2 came in ${forward.pages} page(s)`);
  const backward = await scan(TableStore.Direction.BACKWARD,
    [{ id: TableStore.INF_MAX }, { seq: TableStore.INF_MAX }], [{ id: TableStore.INF_MIN }, { seq: TableStore.INF_MIN }], 3);
  equal(backward.rows.map(r => [r.primaryKey.id, r.primaryKey.seq]), [...expectedKeys].reverse(), 'getRange BACKWARD keys in order');
  check(backward.pages >= 2, `getRange BACKWARD: 4 rows with limit 3 came in ${backward.pages} page(s)`);
  equal(forward.rows[1].columns, { active: 'bool:false', name: 'str:carol', price: 'dbl:2.5', qty: 'int:70' }, 'getRange: carol after the batch update');
  equal(forward.rows[3].columns, { name: 'str:erin', price: 'dbl:0', qty: 'int:9223372036854775807' }, 'getRange: erin');

  // BatchGetRow over two tables, each with a missing row.
  const got = await call('batchGetRow', {
    tables: [
      { tableName: 'sdk_rows', primaryKey: [key('carol', 7), key('zed', 1)] },
      { tableName: 'sdk_tags', primaryKey: [[{ tag: 'red' }], [{ tag: 'green' }]] },
    ],
  });
  equal(got.tables.map(t => t.map(r => [r.tableName, r.isOk, r.primaryKey ? plain(r) : null])), [
    [['sdk_rows', true, forward.rows[1]], ['sdk_rows', true, null]],
    [['sdk_tags', true, { primaryKey: { tag: 'str:red' }, columns: { hex: 'str:ff0000', warm: 'bool:true' } }], ['sdk_tags', true, null]],
  ], 'batchGetRow [table, isOk, row or null] per table');

  // DeleteRow, then the row is gone and EXPECT_EXIST on it fails.
  await call('deleteRow', { tableName: 'sdk_rows', condition: expectExist(), primaryKey: key('erin', 9) });
  const erin = (await call('getRow', { tableName: 'sdk_rows', primaryKey: key('erin', 9) })).row;
  check(!erin.primaryKey, `getRow after deleteRow still finds erin: ${JSON.stringify(erin)}`);
  const deleteTwice = await failure('deleteRow', { tableName: 'sdk_rows', condition: expectExist(), primaryKey: key('erin', 9) });
  equal(deleteTwice, { status: 403, code: 'OTSConditionCheckFail' }, 'deleteRow EXPECT_EXIST of a deleted row');

  const left = await scan(TableStore.Direction.FORWARD,
    [{ id: TableStore.INF_MIN }, { seq: TableStore.INF_MIN }], [{ id: TableStore.INF_MAX }, { seq: TableStore.INF_MAX }], 100);
  equal(left.rows.map(r => r.primaryKey.id), ['str:alice', 'str:carol', 'str:dave'], 'getRange after deleteRow');
  return {
    table: 'sdk_rows',
    rows: left.rows,
    generated: [aliceSeq.toString(10), aliceSeq2.toString(10), daveSeq.toString(10)],
    batchIsOk: batch.tables.map(r => r.isOk),
    errors: { putTwice, columnFails, missingFails, deleteTwice },
  };
});
