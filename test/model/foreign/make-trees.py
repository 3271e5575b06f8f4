# Writes tree_plain.onnx and tree_zipmap.onnx with the onnx package's own helpers
# and checker (Debian: python3-onnx):
#   /usr/bin/python3 make-trees.py plain tree_plain.onnx
#   /usr/bin/python3 make-trees.py zipmap tree_zipmap.onnx
# The graph is the one sklearn-onnx (skl2onnx) writes for a binary DecisionTreeClassifier
# with initial_types [('X', FloatTensorType([None, None]))]: TreeEnsembleClassifier
# (ai.onnx.ml) -> label int64 [N], probabilities float [N, 2]; by default it adds
# ZipMap -> a sequence of maps (zipmap), with options={'zipmap': False} it does not (plain).
# The tree: x0 <= 100 -> P(1) = 0.1; else x1 <= 2 -> 0.4; else 0.8 (NaN goes right).
import onnx, sys
from onnx import helper, TensorProto
zipmap = sys.argv[1] == 'zipmap'
def seqmap():
  t = onnx.TypeProto()
  m = t.sequence_type.elem_type.map_type
  m.key_type = TensorProto.INT64
  m.value_type.tensor_type.elem_type = TensorProto.FLOAT
  return t
X = helper.make_tensor_value_info('X', TensorProto.FLOAT, [None, None])
label = helper.make_tensor_value_info('output_label', TensorProto.INT64, [None])
tree = helper.make_node('TreeEnsembleClassifier', ['X'], ['output_label', 'probabilities'], domain='ai.onnx.ml', name='TreeEnsembleClassifier',
  class_ids=[0,1,0,1,0,1], class_nodeids=[1,1,3,3,4,4], class_treeids=[0]*6, class_weights=[0.9,0.1,0.6,0.4,0.2,0.8], classlabels_int64s=[0,1],
  nodes_falsenodeids=[2,0,4,0,0], nodes_featureids=[0,0,1,0,0], nodes_hitrates=[1.0]*5, nodes_missing_value_tracks_true=[0]*5,
  nodes_modes=['BRANCH_LEQ','LEAF','BRANCH_LEQ','LEAF','LEAF'], nodes_nodeids=[0,1,2,3,4], nodes_treeids=[0]*5, nodes_truenodeids=[1,0,3,0,0],
  nodes_values=[100.0,0.0,2.0,0.0,0.0], post_transform='NONE')
if zipmap:
  zm = helper.make_node('ZipMap', ['probabilities'], ['output_probability'], domain='ai.onnx.ml', name='ZipMap', classlabels_int64s=[0,1])
  out = helper.make_value_info('output_probability', seqmap())
  g = helper.make_graph([tree, zm], 'ONNX(DecisionTreeClassifier)', [X], [label, out])
else:
  out = helper.make_tensor_value_info('probabilities', TensorProto.FLOAT, [None, 2])
  g = helper.make_graph([tree], 'ONNX(DecisionTreeClassifier)', [X], [label, out])
m = helper.make_model(g, producer_name='skl2onnx', producer_version='1.16.0', opset_imports=[helper.make_opsetid('', 15), helper.make_opsetid('ai.onnx.ml', 1)])
m.ir_version = 8
onnx.checker.check_model(m)
onnx.save(m, sys.argv[2])
