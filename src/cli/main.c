#include "cli/cli.h"

int main(int argc, char **argv)
{
	return mig_cli_main(argc, argv);
}
