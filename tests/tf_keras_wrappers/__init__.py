"""tf_keras 2.21 wrapped to misbehave (needs TensorFlow: tox -e tf_keras)."""
