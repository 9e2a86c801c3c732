"""The lessons of «Подружись с электричеством» shipped with the demo (Russian and English).

The safety content follows the usual guidance of Russian grid companies and МЧС: keep 8 m
from a fallen wire, leave «гусиным шагом», never climb into substations or onto poles,
do not touch a person under current, call 112.
"""

from .demo_lessons_older import LESSONS as OLDER
from .demo_lessons_younger import LESSONS as YOUNGER

LESSONS = YOUNGER + OLDER
