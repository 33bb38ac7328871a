"""JSON checked key by key against Amazon's own SMAPI models (PyPI `ask-smapi-model`), as the
Alexa Skill Management API reads the skill package.

Each model class names its JSON keys (`attribute_map`) and their types
(`deserialized_types`); a polymorphic class (an interface, a value supplier, ...) names the
key that tells its subclasses apart (`json_discriminator_key`) and the subclass for each
value (`discriminator_value_class_map`). `model_problems` walks the JSON down those types and
names every key the model does not define at that place, every discriminator value it does
not know, every enumeration value it does not list and every value of the wrong JSON type.
"""

from __future__ import annotations

import importlib
import re
from enum import Enum
from typing import Any

#: The models of the two files an ASK CLI skill package holds.
SKILL_MANIFEST = "ask_smapi_model.v1.skill.manifest.skill_manifest_envelope.SkillManifestEnvelope"
INTERACTION_MODEL = (
    "ask_smapi_model.v1.skill.interaction_model.interaction_model_data.InteractionModelData"
)

_LIST = re.compile(r"list\[(?P<item>.+)\]")
_DICT = re.compile(r"dict\(str, (?P<value>.+)\)")
_SCALARS: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "bool": (bool,),
    "int": (int,),
    "float": (int, float),
    "datetime": (str,),
    "date": (str,),
}


def model_class(type_name: str) -> Any:
    """The model class a dotted name in a model's `deserialized_types` names."""
    module, _, name = type_name.rpartition(".")
    return getattr(importlib.import_module(module), name)


def model_problems(value: Any, type_name: str, path: str = "$") -> list[str]:
    """Everything in `value` that the model `type_name` (a type string as the models write
    them: a dotted class name, "list[...]", "dict(str, ...)" or a scalar) does not allow."""
    if type_name == "object":
        return []
    if match := _LIST.fullmatch(type_name):
        if not isinstance(value, list):
            return [f"{path}: expected a list"]
        return [
            problem
            for index, item in enumerate(value)
            for problem in model_problems(item, match["item"], f"{path}[{index}]")
        ]
    if match := _DICT.fullmatch(type_name):
        if not isinstance(value, dict):
            return [f"{path}: expected an object"]
        return [
            problem
            for key, item in value.items()
            for problem in model_problems(item, match["value"], f"{path}.{key}")
        ]
    if type_name in _SCALARS:
        wrong_bool = isinstance(value, bool) and type_name != "bool"
        if wrong_bool or not isinstance(value, _SCALARS[type_name]):
            return [f"{path}: expected {type_name}, found {type(value).__name__}"]
        return []
    return _object_problems(value, model_class(type_name), path)


def _object_problems(value: Any, cls: Any, path: str) -> list[str]:
    if issubclass(cls, Enum):
        allowed = [member.value for member in cls]
        return [] if value in allowed else [f"{path}: {value!r} is not one of {allowed}"]
    if not isinstance(value, dict):
        return [f"{path}: expected an object ({cls.__name__})"]
    # A polymorphic base class declares its own map; its subclasses inherit it unchanged.
    if "discriminator_value_class_map" in vars(cls):
        key = cls.json_discriminator_key
        subclass = cls.discriminator_value_class_map.get(value.get(key))
        if subclass is None:
            return [f"{path}.{key}: {value.get(key)!r} is not a known {cls.__name__}"]
        cls = model_class(subclass)
    types: dict[str, str] = cls.deserialized_types
    attributes = {json_key: name for name, json_key in cls.attribute_map.items()}
    problems = []
    for json_key, item in value.items():
        name = attributes.get(json_key)
        if name is None:
            problems.append(f"{path}.{json_key}: not a property of {cls.__name__}")
        else:
            problems += model_problems(item, types[name], f"{path}.{json_key}")
    return problems
