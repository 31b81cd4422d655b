(self.__yiyueA11yData = self.__yiyueA11yData || {}).trad = {};
