#include "dialects/common.h"
