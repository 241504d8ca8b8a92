"""The model tier (``--models``): real Keras 2.3.1 trains small models through the backend under
test and through the reference, each in its own interpreter, and the runs are compared step by
step (``tier``); a divergence is traced to the backend call that caused it (``replay``)."""
