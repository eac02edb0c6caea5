/* placeholder: replaced by the real front-end */
#include "common.h"

int main(void)
{
    return 0;
}
