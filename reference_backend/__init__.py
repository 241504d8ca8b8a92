"""A readable numpy implementation of the Keras 2 backend API: the definition of "correct".

Load it as any Keras 2 backend (``KERAS_BACKEND=reference_backend``). Every
entry's docstring is its contract. Modules by subject:

* ``config``: floatx, epsilon, image data format;
* ``session``: uids, learning phase, ``clear_session``;
* ``dispatch``: the tensor types and ``op``, the single eager/deferred dispatch point;
* ``tensors``: variables, constants and their values;
* ``graph``: placeholders and ``function``;
* ``nn``: activations; ``linalg``: matrix products;
* ``rnn``: the recurrent loop.
"""

from . import config, graph, linalg, nn, rnn as _rnn_module, session, tensors
from .config import *  # noqa: F401,F403
from .graph import *  # noqa: F401,F403
from .linalg import *  # noqa: F401,F403
from .nn import *  # noqa: F401,F403
from .rnn import *  # noqa: F401,F403
from .session import *  # noqa: F401,F403
from .tensors import *  # noqa: F401,F403

__version__ = "0.1.0"

__all__ = [*config.__all__, *session.__all__, *tensors.__all__, *graph.__all__, *linalg.__all__, *nn.__all__,
           *_rnn_module.__all__]
