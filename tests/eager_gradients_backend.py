"""The reference backend with tf_keras' eager ``gradients``: it refuses every loss, as
``tf.gradients`` does under eager execution (TF2's default)."""

from reference_backend import *  # noqa: F401,F403


def gradients(loss, variables):
    raise RuntimeError("tf.gradients is not supported when eager execution is enabled. Use tf.GradientTape instead.")
