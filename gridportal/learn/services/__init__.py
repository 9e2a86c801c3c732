from .classes import class_create, class_result_record
from .lessons import LessonText, lesson_save

__all__ = ["LessonText", "class_create", "class_result_record", "lesson_save"]
