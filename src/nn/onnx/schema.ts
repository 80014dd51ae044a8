/**
 * The part of the ONNX protobuf schema an exported inference graph needs, declared with protobufjs from the
 * field numbers of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto): models, graphs, nodes,
 * attributes, tensors and value infos.
 */
import protobuf from 'protobufjs';

const { Root, Type, Field, Enum } = protobuf;

export const DATA_TYPE = { FLOAT: 1, INT64: 7, BOOL: 9 } as const;
export const ATTRIBUTE_TYPE = { FLOAT: 1, INT: 2, INTS: 7 } as const;

function build(): protobuf.Root {
  const root = new Root();
  const pkg = root.define('onnx');
  pkg.add(new Enum('AttributeType', { UNDEFINED: 0, FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, GRAPH: 5, FLOATS: 6, INTS: 7, STRINGS: 8 }));
  pkg.add(new Type('TensorProto')
    .add(new Field('dims', 1, 'int64', 'repeated'))
    .add(new Field('dataType', 2, 'int32'))
    .add(new Field('floatData', 4, 'float', 'repeated'))
    .add(new Field('int64Data', 7, 'int64', 'repeated'))
    .add(new Field('name', 8, 'string'))
    .add(new Field('rawData', 9, 'bytes')));
  pkg.add(new Type('AttributeProto')
    .add(new Field('name', 1, 'string'))
    .add(new Field('f', 2, 'float'))
    .add(new Field('i', 3, 'int64'))
    .add(new Field('t', 5, 'TensorProto'))
    .add(new Field('floats', 7, 'float', 'repeated'))
    .add(new Field('ints', 8, 'int64', 'repeated'))
    .add(new Field('type', 20, 'AttributeType')));
  pkg.add(new Type('NodeProto')
    .add(new Field('input', 1, 'string', 'repeated'))
    .add(new Field('output', 2, 'string', 'repeated'))
    .add(new Field('name', 3, 'string'))
    .add(new Field('opType', 4, 'string'))
    .add(new Field('attribute', 5, 'AttributeProto', 'repeated'))
    .add(new Field('domain', 7, 'string')));
  const dim = new Type('Dimension').add(new Field('dimValue', 1, 'int64')).add(new Field('dimParam', 2, 'string'));
  pkg.add(new Type('TensorShapeProto').add(dim).add(new Field('dim', 1, 'Dimension', 'repeated')));
  const tensorType = new Type('Tensor').add(new Field('elemType', 1, 'int32')).add(new Field('shape', 2, 'TensorShapeProto'));
  pkg.add(new Type('TypeProto').add(tensorType).add(new Field('tensorType', 1, 'Tensor')));
  pkg.add(new Type('ValueInfoProto').add(new Field('name', 1, 'string')).add(new Field('type', 2, 'TypeProto')));
  pkg.add(new Type('GraphProto')
    .add(new Field('node', 1, 'NodeProto', 'repeated'))
    .add(new Field('name', 2, 'string'))
    .add(new Field('initializer', 5, 'TensorProto', 'repeated'))
    .add(new Field('docString', 10, 'string'))
    .add(new Field('input', 11, 'ValueInfoProto', 'repeated'))
    .add(new Field('output', 12, 'ValueInfoProto', 'repeated')));
  pkg.add(new Type('OperatorSetIdProto').add(new Field('domain', 1, 'string')).add(new Field('version', 2, 'int64')));
  pkg.add(new Type('ModelProto')
    .add(new Field('irVersion', 1, 'int64'))
    .add(new Field('producerName', 2, 'string'))
    .add(new Field('producerVersion', 3, 'string'))
    .add(new Field('docString', 6, 'string'))
    .add(new Field('graph', 7, 'GraphProto'))
    .add(new Field('opsetImport', 8, 'OperatorSetIdProto', 'repeated')));
  return root;
}

let root: protobuf.Root | undefined;
export function onnxType(name: string): protobuf.Type {
  root ??= build();
  return root.lookupType(`onnx.${name}`);
}
